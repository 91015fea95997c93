package com.propertyservice.advisor;

import com.propertyservice.advisor.cli.ValidateCommand;
import com.propertyservice.advisor.ruleset.EarlyRuleSetBuild;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The advisor service: REST API, pages and rule administration around the engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdvisorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            // a trainer's check of a rules folder: no web server, no database, an exit code for scripts
            System.exit(ValidateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        application().run(args);
    }

    /** The service as {@code main} starts it: the rule set compiles on a thread of its own while Spring starts. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(AdvisorApplication.class);
        application.addInitializers(new EarlyRuleSetBuild());
        return application;
    }
}
