package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.vss4j.LoggedEvent;
import java.io.PrintStream;
import java.util.List;

/** Event-log entries a failure carries: a short table under the error for people, an array in the JSON error. */
final class EventRows {
    /** The message column is cut here: the whole text is in the Event Viewer and in --json. */
    static final int MESSAGE_CHARS = 100;
    /** Where {@code VssException}'s message starts listing its events, which the table shows instead. */
    private static final String IN_MESSAGE = " Event log (newest first):";

    private EventRows() {
    }

    /** {@code message} without the event lines the exception's message carries. */
    static String withoutEvents(String message) {
        int at = message == null ? -1 : message.indexOf(IN_MESSAGE);
        return at < 0 ? message : message.substring(0, at);
    }

    static void print(PrintStream out, List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        out.println("vss4j: Windows logged around the failure (newest first; full text in the Event Viewer):");
        Table table = new Table("TIME", "LEVEL", "SOURCE", "ID", "MESSAGE");
        for (LoggedEvent e : events) {
            table.row(e.time().toString(), e.level().name(), e.source(), String.valueOf(e.eventId()),
                    firstLine(e.message()));
        }
        table.print(out);
    }

    static ArrayNode json(List<LoggedEvent> events) {
        ArrayNode array = Reports.JSON.createArrayNode();
        for (LoggedEvent e : events) {
            array.addObject().put("channel", e.channel()).put("source", e.source()).put("id", e.eventId())
                    .put("level", e.level().name()).put("time", e.time().toString()).put("message", e.message());
        }
        return array;
    }

    private static String firstLine(String message) {
        String text = message.strip();
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).strip();
        return line.length() > MESSAGE_CHARS ? line.substring(0, MESSAGE_CHARS - 3) + "..." : line;
    }
}
