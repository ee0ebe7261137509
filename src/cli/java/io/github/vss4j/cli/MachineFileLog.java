package io.github.vss4j.cli;

import io.github.vss4j.LoggedEvent;
import io.github.vss4j.simulator.ServiceStart;
import io.github.vss4j.simulator.Simulation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The machine file's {@code "services"} (how a service is set to start, e.g. {@code {"VSS": "disabled"}}) and
 * {@code "events"} (entries already in the machine's event log, e.g. an old VSS error), for {@code doctor
 * --simulate} and products testing what they do with them.
 */
final class MachineFileLog {
    private static final Set<String> EVENT = Set.of("channel", "source", "id", "level", "time", "age", "message");

    private MachineFileLog() {
    }

    static void services(JsonField top, Simulation.Builder builder) throws CliException {
        Optional<JsonField> services = top.get("services");
        if (services.isEmpty()) {
            return;
        }
        JsonField all = services.get();
        if (!all.node().isObject()) {
            throw all.invalid("is not an object of service names to start types, e.g. {\"VSS\": \"disabled\"}");
        }
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> entries = all.node().fields();
        while (entries.hasNext()) {
            String name = entries.next().getKey();
            JsonField field = all.get(name).orElseThrow(() -> all.invalid("holds a null start type"));
            ServiceStart start = start(field);
            try {
                builder.service(name, start);
            } catch (IllegalArgumentException refused) {
                throw field.invalid("is refused: " + refused.getMessage());
            }
        }
    }

    private static ServiceStart start(JsonField field) throws CliException {
        String text = field.text().trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return ServiceStart.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            throw field.invalid("is not a start type: write boot, system, automatic, manual, disabled or"
                    + " not-installed");
        }
    }

    static void events(JsonField top, Simulation.Builder builder, Instant now) throws CliException {
        Optional<JsonField> events = top.get("events");
        if (events.isEmpty()) {
            return;
        }
        for (JsonField field : events.get().array()) {
            field.object(EVENT);
            String source = field.require("source").text();
            int id = field.require("id").intValue(0);
            LoggedEvent.Level level = level(field.require("level"));
            String channel = field.get("channel").isPresent() ? field.get("channel").get().text() : "Application";
            String message = field.get("message").isPresent() ? field.get("message").get().text() : "";
            Instant time = time(field, now);
            try {
                builder.loggedEvent(new LoggedEvent(channel, source, id, level, time, message));
            } catch (IllegalArgumentException refused) {
                throw field.invalid("is refused: " + refused.getMessage());
            }
        }
    }

    private static LoggedEvent.Level level(JsonField field) throws CliException {
        String text = field.text().trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return LoggedEvent.Level.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            throw field.invalid("is not a level: write critical, error, warning, information, verbose or log-always");
        }
    }

    // Either "time" (ISO-8601, e.g. 2026-01-31T03:00:00Z) or "age" (how long before the machine starts, e.g. PT2H).
    private static Instant time(JsonField field, Instant now) throws CliException {
        Optional<JsonField> time = field.get("time");
        Optional<JsonField> age = field.get("age");
        if (time.isPresent() == age.isPresent()) {
            throw field.invalid("needs exactly one of \"time\" (ISO-8601, e.g. \"2026-01-31T03:00:00Z\") and \"age\""
                    + " (e.g. \"PT2H\": written that long before the machine starts)");
        }
        if (time.isPresent()) {
            try {
                return Instant.parse(time.get().text());
            } catch (DateTimeException bad) {
                throw time.get().invalid("is not an ISO-8601 instant such as \"2026-01-31T03:00:00Z\"");
            }
        }
        Duration before;
        try {
            before = Durations.parse(age.get().text());
        } catch (IllegalArgumentException bad) {
            throw age.get().invalid("is not a duration: write ISO-8601 such as \"PT2H\"");
        }
        if (before.isNegative() || before.compareTo(Duration.between(Instant.EPOCH, now)) > 0) {
            throw age.get().invalid("must be from 0 to the time since 1970");
        }
        return now.minus(before);
    }
}
