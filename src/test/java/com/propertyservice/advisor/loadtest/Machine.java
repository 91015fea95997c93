package com.propertyservice.advisor.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** One line saying when and on what a figure was measured, for the head of every report. */
public final class Machine {

    private Machine() {}

    /** Date, cores, memory, Java and the machine's load average at the moment of the call. */
    public static String describe() {
        return "%s; %d cores; %s memory; Java %s (%s); load average %s"
                .formatted(
                        ZonedDateTime.now()
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .replaceFirst("\\.\\d+", ""),
                        Runtime.getRuntime().availableProcessors(),
                        memory(),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("java.vm.name"),
                        loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
    public static String loadAverage() {
        String[] parts = read("/proc/loadavg").split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    private static String memory() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
