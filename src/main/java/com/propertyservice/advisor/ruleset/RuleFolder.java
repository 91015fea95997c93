package com.propertyservice.advisor.ruleset;

import com.propertyservice.advisor.engine.RuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

/** Writes a rule set back into the rules folder, one file at a time, each replaced atomically. */
final class RuleFolder {

    private RuleFolder() {}

    /** Makes the folder hold exactly {@code files} (editor leftovers are left alone). */
    static void replace(Path dir, RuleFiles files) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            RuleFiles current = RuleFiles.fromDirectory(dir);
            for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
                Path target = inside(root, file.getKey());
                byte[] existing = current.get(file.getKey());
                if (existing != null && Arrays.equals(existing, file.getValue())) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                // the temporary name is an editor leftover to the watcher and to RuleFiles, so a half-written file is
                // never read
                Path temporary = target.resolveSibling(target.getFileName() + ".restore.tmp");
                Files.write(temporary, file.getValue());
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String path : current.asMap().keySet()) {
                if (files.get(path) == null) {
                    Files.deleteIfExists(inside(root, path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules folder " + root, e);
        }
    }

    private static Path inside(Path root, String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("a rule file path leaves the rules folder: " + relative);
        }
        return target;
    }
}
