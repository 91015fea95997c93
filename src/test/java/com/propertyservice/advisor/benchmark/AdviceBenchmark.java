package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.Advice;
import com.propertyservice.advisor.engine.Advisor;
import com.propertyservice.advisor.engine.Incident;
import com.propertyservice.advisor.engine.Language;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link Advisor#advise} over the trainer scenarios' incidents, round robin, half in Chinese and
 * half in English, on the full knowledge base and on the empty rule set (the issue catalogue
 * alone): the second shows what the engine costs by itself, per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AdviceBenchmark {

    @Param({"full", "empty"})
    public String ruleSet;

    Advisor advisor;
    Incident[] incidents;

    @Setup
    public void setUp() {
        advisor = Advisor.fromFiles(ruleSet.equals("full") ? RuleSets.full() : RuleSets.empty());
        List<Incident> mix = RuleSets.scenarioIncidents();
        incidents = mix.toArray(Incident[]::new);
    }

    /** Each thread walks the mix on its own, so the threads share nothing but the advisor. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    Advice next(Cursor cursor) {
        int i = cursor.next++;
        if (cursor.next == incidents.length * 2) {
            cursor.next = 0;
        }
        return advisor.advise(incidents[i % incidents.length], i < incidents.length ? Language.ZH_CN : Language.EN);
    }

    @Benchmark
    @Threads(1)
    public Advice oneThread(Cursor cursor) {
        return next(cursor);
    }

    @Benchmark
    @Threads(2)
    public Advice twoThreads(Cursor cursor) {
        return next(cursor);
    }
}
