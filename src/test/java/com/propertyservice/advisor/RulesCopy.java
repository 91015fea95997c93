package com.propertyservice.advisor;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary copy of the project's rules folder, for tests that publish rule changes (never to rules/ itself). */
public final class RulesCopy {

    private RulesCopy() {
    }

    public static Path create(String prefix) {
        try {
            Path copy = Files.createTempDirectory(prefix);
            FileSystemUtils.copyRecursively(Path.of("rules"), copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
