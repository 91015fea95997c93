package com.propertyservice.advisor.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The webhook receiver of the tests, on loopback (nothing calls an outside address): records every request it
 * answers 2xx or not, answers as told ({@link Mode}), and can be stopped and started again on the same port to play
 * a receiver that is away.
 */
final class LoopbackReceiver implements AutoCloseable {

    enum Mode {
        /** 200, and the robots' {@code {"errcode":0,"errmsg":"ok"}} */
        ACCEPT,
        /** 500 */
        FAIL,
        /** 200 with a robot's refusal, {@code {"errcode":45009,...}} (too many messages) */
        ROBOT_REFUSES,
        /** no answer until {@link #release()} (at most 30 s), then 200 */
        HANG
    }

    /** One request as received: which path and query, the delivery id header, the body. */
    record Received(String path, String query, String deliveryId, String contentType, String body, boolean accepted) {}

    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Mode mode = Mode.ACCEPT;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    LoopbackReceiver() {
        start(0);
    }

    /** The address of a path on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void answer(Mode mode) {
        this.mode = mode;
    }

    /** Lets hanging requests be answered. */
    void release() {
        released.countDown();
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    synchronized void stop() {
        server.stop(0);
        release();
        executor.shutdownNow();
        server = null;
    }

    /** Listens again on the same port. */
    synchronized void restart() {
        start(port);
    }

    /** Every request so far, in order. */
    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that were answered as taken. */
    synchronized List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private synchronized void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Mode now = mode;
            synchronized (this) {
                received.add(new Received(
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("X-Advisor-Delivery"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body,
                        now == Mode.ACCEPT));
            }
            if (now == Mode.HANG) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String answer = switch (now) {
                case ACCEPT, HANG -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
                case FAIL -> "receiver down for maintenance";
                case ROBOT_REFUSES -> "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(now == Mode.FAIL ? 500 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }
}
