package com.propertyservice.advisor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The content of a rules folder, read into memory at one moment: relative path (with {@code /}
 * separators) to bytes. Reading everything first means a rule set is built from one consistent
 * picture of the folder, and an uploaded file or zip is checked the same way as the folder itself.
 *
 * <p>Editor leftovers are skipped: Office and WPS lock files ({@code ~$x.xlsx}), LibreOffice locks
 * ({@code .~lock.x#}), Emacs and Vim backups and swap files, {@code *.tmp}, and hidden files.
 */
public final class RuleFiles {

    /** Largest rules folder or upload accepted, so a zip bomb cannot exhaust the memory. */
    public static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    /** Most files accepted in one rules folder or upload. */
    public static final int MAX_FILES = 2_000;

    private final SortedMap<String, byte[]> files;
    /** The hash, computed on first use: the files never change, and every caller asks for it. */
    private volatile @Nullable String sha256;

    private RuleFiles(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    /** The given files, keyed by relative path. */
    public static RuleFiles of(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String path = normalise(e.getKey());
            if (path == null || isEditorLeftover(path)) {
                continue;
            }
            total += e.getValue().length;
            copy.put(path, e.getValue().clone());
        }
        checkLimits(copy.size(), total);
        return new RuleFiles(copy);
    }

    /** Every file under {@code directory}, read now. */
    public static RuleFiles fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rules folder not found: " + directory.toAbsolutePath());
        }
        SortedMap<String, byte[]> read = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String path = normalise(directory.relativize(file).toString());
                if (path != null && !isEditorLeftover(path)) {
                    read.put(path, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + directory.toAbsolutePath(), e);
        }
        return of(read);
    }

    /** A zip of a rules folder; a single top folder that holds everything is taken as the root. */
    public static RuleFiles fromZip(InputStream zip) throws IOException {
        SortedMap<String, byte[]> read = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = in.readNBytes((int) Math.min(MAX_TOTAL_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += content.length;
                checkLimits(read.size() + 1, total);
                String path = normalise(entry.getName());
                if (path != null) {
                    read.put(path, content);
                }
            }
        }
        return of(stripCommonTopFolder(read));
    }

    /** The default rules carried in the jar (a copy of the project's {@code rules/} folder). */
    public static RuleFiles fromClasspath() {
        return fromClasspath("advisor-default-rules", RuleFiles.class.getClassLoader());
    }

    /** The files listed in {@code root/INDEX} (one relative path a line) on the class path. */
    public static RuleFiles fromClasspath(String root, ClassLoader loader) {
        SortedMap<String, byte[]> read = new TreeMap<>();
        try (InputStream index = loader.getResourceAsStream(root + "/INDEX")) {
            if (index == null) {
                throw new IllegalStateException("no rule index at " + root + "/INDEX on the class path");
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String path = normalise(line.trim());
                if (path == null || path.isEmpty()) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(root + "/" + path)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "rule index names " + path + " but the class path has no such file");
                    }
                    read.put(path, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default rules from the class path", e);
        }
        return of(read);
    }

    /** Relative paths, sorted. */
    public SortedMap<String, byte[]> asMap() {
        return Collections.unmodifiableSortedMap(files);
    }

    /** The content of one file, or {@code null}. */
    public byte @Nullable [] get(String path) {
        byte[] content = files.get(path);
        return content == null ? null : content.clone();
    }

    public int size() {
        return files.size();
    }

    /** This set with one file added or replaced: how a single uploaded file is checked in context. */
    public RuleFiles with(String path, byte[] content) {
        SortedMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(Objects.requireNonNull(normalise(path), "path"), content.clone());
        return of(copy);
    }

    /** SHA-256 over every path and content, as lowercase hex: the same files give the same hash. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = computeSha256();
            sha256 = hash;
        }
        return hash;
    }

    /** The rule-set version these files make: the first twelve hex digits of {@link #sha256()}. */
    public String version() {
        return sha256().substring(0, 12);
    }

    private String computeSha256() {
        MessageDigest digest = sha256Digest();
        files.forEach((path, content) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256(content).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of some bytes, as lowercase hex. */
    public static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Digest().digest(content));
    }

    /** Whether a path names an editor's temporary, lock or backup file, which is never rule content. */
    public static boolean isEditorLeftover(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("~$")
                || name.startsWith(".~lock")
                || name.startsWith(".#")
                || name.startsWith(".")
                || name.endsWith("~")
                || name.endsWith(".tmp")
                || name.endsWith(".swp")
                || name.endsWith(".swx")
                || name.endsWith(".bak")
                || (name.startsWith("#") && name.endsWith("#"));
    }

    private static @Nullable String normalise(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String path = raw.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("/") || path.isEmpty()) {
            return null;
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.isEmpty()) {
                return null; // never let an upload name a file outside its own folder
            }
        }
        return path;
    }

    private static SortedMap<String, byte[]> stripCommonTopFolder(SortedMap<String, byte[]> read) {
        if (read.isEmpty()) {
            return read;
        }
        String first = read.firstKey();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return read;
        }
        String top = first.substring(0, slash + 1);
        if (!read.keySet().stream().allMatch(p -> p.startsWith(top))) {
            return read;
        }
        // a zip made by zipping the folder itself: drop the folder name unless it is a rules sub-folder
        if (Stream.of("catalogue/", "principles/", "handling/", "cases/", "texts/", "scenarios/")
                .anyMatch(top::equals)) {
            return read;
        }
        SortedMap<String, byte[]> stripped = new TreeMap<>();
        read.forEach((p, c) -> stripped.put(p.substring(top.length()), c));
        return stripped;
    }

    private static void checkLimits(int count, long total) {
        if (count > MAX_FILES) {
            throw new IllegalArgumentException("a rules folder may hold at most " + MAX_FILES + " files");
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException(
                    "a rules folder may hold at most " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
