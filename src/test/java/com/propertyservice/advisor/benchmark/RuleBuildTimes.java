package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.internal.RuleSetCompiler;
import org.drools.model.codegen.ExecutableModelProject;

import java.nio.file.Path;

/**
 * Build time of a rules folder with the classic engine and with the executable model, for the
 * decision record in docs/architecture.md. Not a test: run it by hand (see the doc for the command).
 * Each build is repeated after a warm-up, and the median is printed.
 */
public final class RuleBuildTimes {

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "rules");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        RuleFiles files = RuleFiles.fromDirectory(folder);
        System.out.printf("folder %s, %d files%n", folder, files.size());
        System.out.printf("classic engine:   median %.0f ms%n", median(files, rounds, null));
        System.out.printf("executable model: median %.0f ms%n", median(files, rounds, ExecutableModelProject.class));
    }

    private static double median(RuleFiles files, int rounds, Class<ExecutableModelProject> type) {
        double[] times = new double[rounds];
        RuleSetCompiler.compile(files, type); // warm-up
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            RuleSetCompiler.Outcome outcome = RuleSetCompiler.compile(files, type);
            times[i] = (System.nanoTime() - start) / 1e6;
            if (outcome.ruleSet() == null) {
                throw new IllegalStateException("does not compile: " + outcome.problems());
            }
        }
        java.util.Arrays.sort(times);
        return times[rounds / 2];
    }
}
