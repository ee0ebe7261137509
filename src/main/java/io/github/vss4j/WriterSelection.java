package io.github.vss4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which writers' failures a request checks: keys are lower-case writer names or writer class ids. */
record WriterSelection(Set<String> included, Set<String> excluded) {

    boolean checks(WriterStatus writer) {
        String name = writer.writerName().toLowerCase(Locale.ROOT);
        String id = writer.writerId().toString();
        if (excluded.contains(name) || excluded.contains(id)) {
            return false;
        }
        return included.isEmpty() || included.contains(name) || included.contains(id);
    }

    /** The failed writers among those checked. */
    List<WriterStatus> failed(List<WriterStatus> writers) {
        List<WriterStatus> failed = new ArrayList<>();
        for (WriterStatus writer : writers) {
            if (writer.isFailed() && checks(writer)) {
                failed.add(writer);
            }
        }
        return failed;
    }
}
