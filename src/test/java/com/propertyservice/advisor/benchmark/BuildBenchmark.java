package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.RuleFiles;
import com.propertyservice.advisor.engine.internal.RuleSetCompiler;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.builder.KieBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Compiling a rule set into a KieBase, classic engine against the executable model: the full
 * knowledge base and generated sets of 200 and 1000 rules. One compilation per measurement
 * (single-shot time), since a reload is one compilation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {

    @Param({"full", "generated-200", "generated-1000"})
    public String ruleSet;

    @Param({"classic", "executable-model"})
    public String engine;

    RuleFiles files;
    Class<? extends KieBuilder.ProjectType> projectType;

    @Setup
    public void setUp() {
        files = ruleSet.equals("full") ? RuleSets.full() : RuleSets.generated(Integer.parseInt(ruleSet.substring("generated-".length())));
        projectType = engine.equals("classic") ? null : ExecutableModelProject.class;
    }

    @Benchmark
    public Object compile() {
        RuleSetCompiler.Outcome outcome = RuleSetCompiler.compile(files, projectType);
        if (outcome.ruleSet() == null) {
            throw new IllegalStateException(ruleSet + " does not compile: " + outcome.problems());
        }
        return outcome.ruleSet();
    }
}
