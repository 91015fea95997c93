package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.EngineInternals;
import com.propertyservice.advisor.engine.RuleFiles;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Build time of a rules folder: the advisor's compile (executable model, both sandbox gates, every
 * check) against Drools alone with the classic engine and with the executable model, for the
 * decision record in docs/architecture.md. Not a test: run it by hand (see the doc for the command).
 * Each build is repeated after a warm-up, and the median is printed.
 */
public final class RuleBuildTimes {

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "rules");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        RuleFiles files = RuleFiles.fromDirectory(folder);
        System.out.printf("folder %s, %d files%n", folder, files.size());
        System.out.printf(
                "drools classic engine:           median %.0f ms%n",
                median(rounds, () -> RawDroolsBuild.build(files, RawDroolsBuild.Engine.CLASSIC)));
        System.out.printf(
                "drools executable model:         median %.0f ms%n",
                median(rounds, () -> RawDroolsBuild.build(files, RawDroolsBuild.Engine.EXECUTABLE_MODEL)));
        System.out.printf(
                "advisor (executable model+gates): median %.0f ms%n",
                median(rounds, () -> EngineInternals.compile(files)));
    }

    private static double median(int rounds, Runnable build) {
        double[] times = new double[rounds];
        build.run(); // warm-up
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            build.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }
}
