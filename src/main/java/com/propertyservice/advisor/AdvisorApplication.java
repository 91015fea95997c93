package com.propertyservice.advisor;

import com.propertyservice.advisor.cli.ValidateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/** The advisor service: REST API, pages and rule administration around the engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdvisorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("validate")) {
            // a trainer's check of a rules folder: no web server, no database, an exit code for scripts
            System.exit(ValidateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(AdvisorApplication.class, args);
    }
}
