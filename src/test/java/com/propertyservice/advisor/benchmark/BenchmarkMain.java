package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.loadtest.Machine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks in a forked JVM and prints the results as markdown table rows for
 * docs/performance.md. Arguments: {@code advice}, {@code build} or nothing for both; {@code quick}
 * for shorter runs (a check that it works, not a figure). The command is in docs/performance.md.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws RunnerException {
        List<String> what = List.of(args);
        boolean quick = what.contains("quick");
        boolean all = !what.contains("advice") && !what.contains("build");
        System.out.println("Measured " + Machine.describe());
        if (all || what.contains("advice")) {
            adviceTable(run(options(AdviceBenchmark.class)
                    .warmupIterations(quick ? 1 : 3)
                    .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                    .measurementIterations(quick ? 2 : 5)
                    .measurementTime(TimeValue.seconds(quick ? 1 : 2))));
        }
        if (all || what.contains("build")) {
            buildTable(run(options(BuildBenchmark.class)
                    .warmupIterations(quick ? 1 : 2)
                    .measurementIterations(quick ? 1 : 5)));
        }
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(1)
                .jvmArgsAppend("-Xmx1g", "-Dadvisor.rules=" + RuleSets.RULES.toAbsolutePath())
                .shouldFailOnError(true);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static void adviceTable(Collection<RunResult> results) {
        System.out.println();
        System.out.println("| benchmark | rule set | threads | advice/s | ± (99.9%) |");
        System.out.println("|---|---|---:|---:|---:|");
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> label(a).compareTo(label(b)));
        for (RunResult r : sorted) {
            System.out.printf(
                    Locale.ROOT,
                    "| Advisor.advise, scenario mix | %s | %d | %,.0f | %,.0f |%n",
                    r.getParams().getParam("ruleSet"),
                    r.getParams().getThreads(),
                    r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError());
        }
        for (String method : List.of("oneThread", "twoThreads")) {
            double full = score(results, method, "full");
            double empty = score(results, method, "empty");
            System.out.printf(
                    Locale.ROOT,
                    "| full ÷ empty rule set (target ≥ 0.20) | | %d | %.2f | |%n",
                    method.equals("oneThread") ? 1 : 2,
                    full / empty);
        }
    }

    private static void buildTable(Collection<RunResult> results) {
        System.out.println();
        System.out.println(
                "| rule set | Drools classic engine ms | Drools executable model ms | advisor (executable model, sandbox, checks) ms |");
        System.out.println("|---|---:|---:|---:|");
        for (String set : List.of("full", "generated-200", "generated-1000")) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s |%n",
                    set,
                    build(results, set, "drools-classic"),
                    build(results, set, "drools-executable-model"),
                    build(results, set, "advisor"));
        }
    }

    private static String build(Collection<RunResult> results, String set, String engine) {
        return results.stream()
                .filter(r -> set.equals(r.getParams().getParam("ruleSet"))
                        && engine.equals(r.getParams().getParam("engine")))
                .map(r -> String.format(
                        Locale.ROOT,
                        "%,.0f ± %,.0f",
                        r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError()))
                .findFirst()
                .orElse("—");
    }

    private static double score(Collection<RunResult> results, String method, String set) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method)
                        && set.equals(r.getParams().getParam("ruleSet")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }

    private static String label(RunResult r) {
        return r.getParams().getThreads() + r.getParams().getParam("ruleSet");
    }
}
