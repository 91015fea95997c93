package com.propertyservice.advisor.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts one row to its webhook with {@link HttpClient} and says whether the receiver took it. Every request carries
 * {@code X-Advisor-Delivery: <row id>}: delivery is at least once (an instance dying between the receiver's 200 and
 * the row's update sends it again after the claim expires), and a receiver of its own can drop a repeat by that id.
 */
final class WebhookClient {

    /** What came of one attempt: {@code error} is {@code null} when the receiver took it. */
    record Outcome(String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final ZoneId zone;
    private final NotificationText texts = new NotificationText();

    /** {@code zone}: the one the messages tell times in ({@code advisor.default-zone}). */
    WebhookClient(Duration timeout, Clock clock, ZoneId zone) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.clock = clock;
        this.zone = zone;
    }

    /** Sends the row; an interruption (shutdown) is passed on, anything else becomes the outcome's error. */
    Outcome send(OutboxRow stored, NotifyProperties.Webhook webhook) throws InterruptedException {
        OutboxRow row = stored.inZone(zone);
        WebhookFormat format = webhook.kind();
        String content = format.robot() ? texts.content(row, webhook.lang()) : null;
        HttpRequest request = HttpRequest.newBuilder(address(webhook))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Advisor-Delivery", Long.toString(row.id()))
                .POST(HttpRequest.BodyPublishers.ofString(format.body(row, content), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(format.refusal(response.statusCode(), response.body()));
        } catch (HttpTimeoutException e) {
            return new Outcome("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome("cannot reach the receiver: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The webhook's address; a DingTalk robot with a signing secret gets this moment's timestamp and signature. */
    private URI address(NotifyProperties.Webhook webhook) {
        if (webhook.secret() == null) {
            return URI.create(webhook.url());
        }
        long timestamp = clock.millis();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhook.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "\n" + webhook.secret()).getBytes(StandardCharsets.UTF_8));
            String sign = URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
            return URI.create(webhook.url() + (webhook.url().contains("?") ? "&" : "?") + "timestamp=" + timestamp
                    + "&sign=" + sign);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
