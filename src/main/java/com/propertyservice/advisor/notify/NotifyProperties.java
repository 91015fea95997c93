package com.propertyservice.advisor.notify;

import com.propertyservice.advisor.engine.Language;
import com.propertyservice.advisor.engine.Recipient;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go and how hard the service tries ({@code advisor.notify.*}, each also an environment variable:
 * {@code ADVISOR_NOTIFY_WEBHOOKS_0_URL}, ...). Checked when the service starts: a webhook the service could never
 * reach (an unknown format, an address that is not http(s)) stops the start with a message naming the key, rather
 * than filling the outbox with rows that can never leave.
 *
 * @param webhooks     the group robots and other receivers, in any order (rows name their webhook, not its index)
 * @param retry        the back-off between attempts of one row
 * @param timeout      the longest one delivery may take (connecting and the answer together)
 * @param pollInterval how often each instance looks for due rows
 * @param batchSize    the most rows one pass sends (the rest wait for the next pass)
 */
@ConfigurationProperties("advisor.notify")
record NotifyProperties(
        @DefaultValue List<Webhook> webhooks,
        @DefaultValue Retry retry,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20") int batchSize) {

    NotifyProperties {
        List<Webhook> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            Webhook webhook = webhooks.get(i).checked("advisor.notify.webhooks[" + i + "]");
            if (!names.add(webhook.name())) {
                throw new IllegalArgumentException("advisor.notify.webhooks[" + i + "].name '" + webhook.name()
                        + "' is used by an earlier webhook too: each needs a name of its own (its rows are "
                        + "delivered by name)");
            }
            checked.add(webhook);
        }
        webhooks = List.copyOf(checked);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("advisor.notify.timeout must be positive, not " + timeout);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("advisor.notify.poll-interval must be positive, not " + pollInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("advisor.notify.batch-size must be at least 1, not " + batchSize);
        }
    }

    /** The webhook of this name, or {@code null} when it is no longer configured. */
    Webhook webhook(String name) {
        return webhooks.stream()
                .filter(webhook -> webhook.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** How long a claimed row is kept from other instances: past the longest delivery, with room for a slow pass. */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }

    /**
     * One receiver.
     *
     * @param name       how rows and the timeline name it; when left out, the format and a short hash of the
     *                   address, so reordering the list never sends queued rows to another receiver (name them:
     *                   a changed address then keeps its queue)
     * @param url        the receiver's address, http or https (a robot's address carries its key: keep it in the
     *                   environment, never in a file in the repository)
     * @param format     {@code generic}, {@code wecom} or {@code dingtalk}
     * @param recipients which recipients it hears about; empty: all
     * @param secret     DingTalk's signing secret ({@code SEC...}) when the robot's security setting is signing
     * @param language   the language of the robots' text ({@code zh-CN} or {@code en})
     */
    record Webhook(
            String name,
            String url,
            String format,
            @DefaultValue List<Recipient> recipients,
            String secret,
            @DefaultValue("zh-CN") String language) {

        /** This webhook checked, with its name filled in; {@code key} names it in messages. */
        Webhook checked(String key) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException(key + ".url is missing: give the receiver's http(s) address");
            }
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + ".url is not an address: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        key + ".url must be an http or https address with a host, not '" + redacted(url) + "'");
            }
            if (format == null || WebhookFormat.of(format) == null) {
                throw new IllegalArgumentException(key + ".format is '" + format + "': use generic, wecom or dingtalk");
            }
            if (Language.ofTag(language) == null) {
                throw new IllegalArgumentException(key + ".language is '" + language + "': use zh-CN or en");
            }
            if (secret != null && !secret.isBlank() && WebhookFormat.of(format) != WebhookFormat.DINGTALK) {
                throw new IllegalArgumentException(key + ".secret is set but only dingtalk robots sign their "
                        + "requests: remove it or set format=dingtalk");
            }
            String given = name == null || name.isBlank() ? defaultName() : name.strip();
            if (given.length() > 100) {
                throw new IllegalArgumentException(key + ".name is longer than 100 characters");
            }
            return new Webhook(
                    given,
                    url.strip(),
                    format,
                    List.copyOf(recipients),
                    secret == null || secret.isBlank() ? null : secret.strip(),
                    language);
        }

        WebhookFormat kind() {
            return WebhookFormat.of(format);
        }

        Language lang() {
            return Language.ofTag(language);
        }

        /** Whether this webhook hears about notifications for {@code recipient}. */
        boolean accepts(Recipient recipient) {
            return recipients.isEmpty() || recipients.contains(recipient);
        }

        private String defaultName() {
            try {
                byte[] hash =
                        MessageDigest.getInstance("SHA-256").digest(url.strip().getBytes(StandardCharsets.UTF_8));
                return format.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(hash, 0, 4);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        /** The address without its query, where robots carry their keys, for messages and logs. */
        private static String redacted(String url) {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query) + "?…";
        }

        @Override
        public String toString() {
            return "Webhook[" + name + ", " + format + ", " + redacted(String.valueOf(url)) + "]";
        }
    }

    /**
     * Back-off: the first retry after {@code firstDelay}, each later one {@code factor} times longer, never longer
     * than {@code maxDelay}; a row keeps being retried at {@code maxDelay} for as long as it fails.
     */
    record Retry(
            @DefaultValue("10s") Duration firstDelay,
            @DefaultValue("2.0") double factor,
            @DefaultValue("10m") Duration maxDelay) {

        Retry {
            if (firstDelay.isNegative() || firstDelay.isZero()) {
                throw new IllegalArgumentException(
                        "advisor.notify.retry.first-delay must be positive, not " + firstDelay);
            }
            if (!(factor >= 1.0)) {
                throw new IllegalArgumentException("advisor.notify.retry.factor must be 1 or more, not " + factor);
            }
            if (maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("advisor.notify.retry.max-delay (" + maxDelay
                        + ") must not be shorter than first-delay (" + firstDelay + ")");
            }
        }

        /** The wait after the {@code attempts}-th failed attempt (1 = the first). */
        Duration delayAfter(int attempts) {
            double millis = firstDelay.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
            return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
        }
    }
}
