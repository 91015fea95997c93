package com.propertyservice.advisor.notify;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message a receiver gets, and what counts as received. {@code generic}: the contract's JSON
 * {@code {"event","incident","deadline","at","text"}}, received on any 2xx. {@code wecom} (企业微信 group robot) and
 * {@code dingtalk} (钉钉 custom robot): their text message {@code {"msgtype":"text","text":{"content":...}}}, received
 * on a 2xx whose JSON answer has {@code errcode} 0 — both robots answer 200 with a non-zero {@code errcode} for a bad
 * key, a keyword missing or too many messages, and those must be retried, not counted as sent.
 */
enum WebhookFormat {
    GENERIC {
        @Override
        String body(OutboxRow row, String content) {
            ObjectNode body = JSON.createObjectNode();
            body.put("event", row.event().name());
            body.put("incident", row.incidentId());
            if (row.deadline() == null) {
                body.putNull("deadline");
            } else {
                body.put("deadline", row.deadline().name());
            }
            body.put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.at()));
            body.put("text", row.text());
            return JSON.writeValueAsString(body);
        }

        @Override
        boolean robot() {
            return false;
        }
    },
    WECOM,
    DINGTALK;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The format of this configured name ({@code generic}, {@code wecom}, {@code dingtalk}), or {@code null}. */
    static WebhookFormat of(String name) {
        for (WebhookFormat format : values()) {
            if (format.key().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return format;
            }
        }
        return null;
    }

    /** The configured name and the metrics' {@code format} tag. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the body is a group robot's text message ({@code content} is then what it shows). */
    boolean robot() {
        return true;
    }

    /** The request body for this row; {@code content} is the robots' text ({@link NotificationText}). */
    String body(OutboxRow row, String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("msgtype", "text");
        body.putObject("text").put("content", content);
        return JSON.writeValueAsString(body);
    }

    /** {@code null} when the receiver took the message, else why not (for the row's last error). */
    String refusal(int status, String answer) {
        if (status < 200 || status > 299) {
            return "HTTP " + status + answerExcerpt(answer);
        }
        if (!robot()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(answer == null ? "" : answer);
            JsonNode errcode = json == null ? null : json.get("errcode");
            if (errcode != null && errcode.isNumber() && errcode.intValue() == 0) {
                return null;
            }
            return "HTTP " + status + " but the robot answered errcode " + (errcode == null ? "(none)" : errcode)
                    + answerExcerpt(answer);
        } catch (JacksonException e) {
            return "HTTP " + status + " but the answer is not the robot's JSON" + answerExcerpt(answer);
        }
    }

    private static String answerExcerpt(String answer) {
        if (answer == null || answer.isBlank()) {
            return "";
        }
        String oneLine = answer.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
