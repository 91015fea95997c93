package com.propertyservice.advisor.benchmark;

import com.propertyservice.advisor.engine.RuleFiles;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Drools alone, without the advisor's gates: the rule files of a set handed to a KieBuilder as they
 * are, built with the classic engine or the executable model. The yardstick for the build-time
 * decision record (docs/architecture.md); never used to serve advice, since nothing here is checked.
 */
final class RawDroolsBuild {

    private static final AtomicLong BUILDS = new AtomicLong();

    enum Engine {
        CLASSIC,
        EXECUTABLE_MODEL
    }

    private RawDroolsBuild() {}

    static KieBase build(RuleFiles files, Engine engine) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        files.asMap().forEach((path, content) -> {
            if (path.endsWith(".drl") || path.endsWith(".dslr") || path.endsWith(".dsl") || path.contains(".drl.")) {
                kfs.write("src/main/resources/" + path, content);
            }
        });
        ReleaseId releaseId =
                ks.newReleaseId("com.propertyservice.advisor", "raw-" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(ks.newKieModuleModel()
                .setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALWAYS.name())
                .toXML());
        KieBuilder builder = engine == Engine.CLASSIC
                ? ks.newKieBuilder(kfs).buildAll()
                : ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        if (!builder.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
            throw new IllegalStateException(
                    "does not build: " + builder.getResults().getMessages(Message.Level.ERROR));
        }
        try {
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
