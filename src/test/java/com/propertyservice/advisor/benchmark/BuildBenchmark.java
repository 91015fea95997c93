package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.EngineInternals;
import com.propertyservice.advisor.engine.RuleFiles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Compiling a rule set into a KieBase: the advisor's compile (executable model behind both sandbox
 * gates, with every check) against Drools alone with the classic engine and with the executable
 * model: the full knowledge base and generated sets of 200 and 1000 rules. One compilation per
 * measurement (single-shot time), since a reload is one compilation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {

    @Param({"full", "generated-200", "generated-1000"})
    public String ruleSet;

    @Param({"advisor", "drools-classic", "drools-executable-model"})
    public String engine;

    RuleFiles files;

    @Setup
    public void setUp() {
        files = ruleSet.equals("full")
                ? RuleSets.full()
                : RuleSets.generated(Integer.parseInt(ruleSet.substring("generated-".length())));
    }

    @Benchmark
    public Object compile() {
        return switch (engine) {
            case "drools-classic" -> RawDroolsBuild.build(files, RawDroolsBuild.Engine.CLASSIC);
            case "drools-executable-model" -> RawDroolsBuild.build(files, RawDroolsBuild.Engine.EXECUTABLE_MODEL);
            default -> EngineInternals.compile(files);
        };
    }
}
