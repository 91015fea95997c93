package com.propertyservice.advisor.process;

import static org.awaitility.Awaitility.await;

import com.propertyservice.advisor.TestIncidents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The production shape on this machine, started once per test JVM and shared by the tests that need it: one
 * PostgreSQL database ({@link PostgresCluster}), two instances of the exec jar with the {@code postgres} profile
 * ({@link ServiceProcess}, named {@code a} and {@code b}), and Debian's HAProxy with {@code src/deploy/haproxy.cfg}
 * (the file compose.yaml uses) in front of them, all on loopback ports. Stopped when the JVM exits.
 */
public final class MultiInstanceCluster {

    static final Duration START = Duration.ofSeconds(240);
    private static MultiInstanceCluster shared;

    public final PostgresCluster.Database database;
    public final ServiceProcess a;
    public final ServiceProcess b;
    private final Path work;
    private final int balancerPort;
    private Process haproxy;

    private MultiInstanceCluster(Path work) throws IOException {
        this.work = work;
        this.database = PostgresCluster.shared().database("multi_instance");
        this.a = instance("a");
        this.b = instance("b");
        this.balancerPort = freePort();
    }

    /** The cluster of this JVM, started on first use (both instances side by side, then the balancer). */
    public static synchronized MultiInstanceCluster shared() throws Exception {
        if (shared == null) {
            MultiInstanceCluster cluster = new MultiInstanceCluster(Files.createTempDirectory("advisor-cluster"));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopQuietly, "cluster-stop"));
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> cluster.startQuietly(cluster.a));
            cluster.startQuietly(cluster.b);
            first.get(START.toSeconds() + 30, TimeUnit.SECONDS);
            cluster.startBalancer();
            shared = cluster;
        }
        return shared;
    }

    public String balancerUrl() {
        return "http://127.0.0.1:" + balancerPort;
    }

    public int balancerPort() {
        return balancerPort;
    }

    public RulePublisher publisher() {
        return new RulePublisher(Path.of("rules").toAbsolutePath(), "admin", TestIncidents.ADMIN_PASSWORD);
    }

    /** Starts an instance again (after a kill) and returns once it is ready. */
    public void restart(ServiceProcess instance) throws Exception {
        instance.start(START);
    }

    private ServiceProcess instance(String name) throws IOException {
        Map<String, String> env = ServiceProcess.environment(
                "SPRING_PROFILES_ACTIVE",
                "postgres",
                "ADVISOR_INSTANCE_NAME",
                name,
                "ADVISOR_SECURITY_API_KEYS",
                TestIncidents.API_KEY,
                "ADVISOR_SECURITY_BOOTSTRAP_ADMIN_PASSWORD",
                TestIncidents.ADMIN_PASSWORD,
                "ADVISOR_RULES_DIR",
                Path.of("rules").toAbsolutePath().toString());
        env.putAll(database.environment());
        return ServiceProcess.of(ServiceProcess.execJar(), work.resolve(name), env, List.of("-Xmx384m"));
    }

    private void startQuietly(ServiceProcess instance) {
        try {
            instance.start(START);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startBalancer() throws IOException, InterruptedException {
        Path config = Path.of("src/deploy/haproxy.cfg").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile());
        builder.environment().put("ADVISOR_LB_BIND", "127.0.0.1:" + balancerPort);
        builder.environment().put("ADVISOR_A", a.baseUrl().substring("http://".length()));
        builder.environment().put("ADVISOR_B", b.baseUrl().substring("http://".length()));
        try {
            haproxy = builder.start();
        } catch (IOException missing) {
            throw new IllegalStateException(
                    "HAProxy is needed for this test and could not be started (" + missing.getMessage()
                            + "): install Debian's haproxy (apt-get install haproxy; .ci/run does)",
                    missing);
        }
        // ready when the balancer answers twice in a row and has marked both instances up (its health checks run every
        // second)
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(balancerUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        AtomicInteger served = new AtomicInteger();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!haproxy.isAlive()) {
                            throw new IllegalStateException(
                                    "haproxy stopped: " + Files.readString(work.resolve("haproxy.log")));
                        }
                        try {
                            if (http.send(readiness, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200) {
                                return served.incrementAndGet() >= 2;
                            }
                        } catch (IOException notYet) {
                            // not listening yet
                        }
                        served.set(0);
                        return false;
                    });
        } catch (ConditionTimeoutException notServed) {
            throw new IllegalStateException(
                    "the balancer did not answer in 30 s; see " + work.resolve("haproxy.log"), notServed);
        }
        // a fixed wait, as nothing here shows haproxy's view: two health-check rounds, both servers marked up
        Thread.sleep(2_500);
    }

    private void stopQuietly() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (ServiceProcess instance : List.of(a, b)) {
            try {
                instance.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
