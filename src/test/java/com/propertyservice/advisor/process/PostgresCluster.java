package com.propertyservice.advisor.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for the tests, from the machine's own installation (Debian's {@code postgresql}
 * package, which {@code .ci/run} installs): one cluster per test JVM, made with {@code initdb} in a temporary
 * folder and started with {@code pg_ctl} on a free loopback port, shared by every test that asks for it; each
 * test class gets a database of its own ({@link #database(String)}). Stopped and deleted when the JVM exits.
 *
 * <p>Nothing is skipped when PostgreSQL is missing: the first test that needs it fails and says how to install it.
 * As root (CI), the server runs as the {@code postgres} user the package creates, because PostgreSQL refuses to
 * run as root.
 */
public final class PostgresCluster {

    /** How to reach one database of the cluster. */
    public record Database(String url, String username, String password) {

        /** Points a Spring test context at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::username);
            registry.add("spring.datasource.password", this::password);
        }

        /** The same as environment variables, for a service started as a child process. */
        public Map<String, String> environment() {
            return Map.of(
                    "SPRING_DATASOURCE_URL",
                    url,
                    "SPRING_DATASOURCE_USERNAME",
                    username,
                    "SPRING_DATASOURCE_PASSWORD",
                    password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    static final String HOW_TO_INSTALL =
            "PostgreSQL is needed for this test and was not found. Install Debian's server "
                    + "package (apt-get install postgresql; .ci/run does), or set ADVISOR_TEST_PG_BIN to a folder holding "
                    + "initdb and pg_ctl (PostgreSQL 13 or later).";

    private static final String SUPERUSER = "advisor_test";
    private static PostgresCluster shared;

    private final Path bin;
    private final Path home;
    private final Path data;
    private final int port;
    private final String password;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin) throws IOException {
        this.bin = bin;
        this.home = Files.createTempDirectory("advisor-pg");
        this.data = home.resolve("data");
        this.port = freePort();
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** The one cluster of this JVM, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            Path bin = findBinaries();
            try {
                PostgresCluster cluster = new PostgresCluster(bin);
                cluster.start();
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopQuietly, "postgres-stop"));
                shared = cluster;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL from " + bin, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL", e);
            }
        }
        return shared;
    }

    /** A fresh, empty database (dropped first if a previous run of this JVM left one of that name). */
    public Database database(String name) {
        String db = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = DriverManager.getConnection(url("postgres"), SUPERUSER, password);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + db + " with (force)");
            sql.execute("create database " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db + ": " + e.getMessage(), e);
        }
        return new Database(url(db), SUPERUSER, password);
    }

    public int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void start() throws IOException, InterruptedException {
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres:postgres", home.toString()), Duration.ofSeconds(10));
        }
        // no fsync at initdb (a throw-away cluster); the server itself keeps fsync on, as in production
        run(
                asServerUser(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        SUPERUSER,
                        "--pwfile=" + passwordFile,
                        "--auth-host=scram-sha-256",
                        "--auth-local=trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                        "--no-sync"),
                Duration.ofSeconds(120));
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home
                + " -c max_connections=300 -c shared_buffers=64MB";
        run(
                asServerUser(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-o",
                        options,
                        "-l",
                        home.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "start"),
                Duration.ofSeconds(90));
    }

    private void stopQuietly() {
        try {
            run(
                    asServerUser(
                            bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    Duration.ofSeconds(30));
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it in the end
        }
    }

    private List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = home.resolve("commands.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + ":\n" + Files.readString(log));
        }
    }

    /** ADVISOR_TEST_PG_BIN, else the newest /usr/lib/postgresql/N/bin (Debian), else initdb on the PATH. */
    static Path findBinaries() {
        String configured = System.getenv("ADVISOR_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
                return bin;
            }
            throw new IllegalStateException(
                    "ADVISOR_TEST_PG_BIN=" + configured + " holds no initdb and pg_ctl. " + HOW_TO_INSTALL);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(
                                v -> versionNumber(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank()
                    && Files.isExecutable(Path.of(dir, "initdb"))
                    && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException(HOW_TO_INSTALL);
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
