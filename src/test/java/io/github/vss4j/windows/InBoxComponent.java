package io.github.vss4j.windows;

import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A component of an in-box writer that a component-mode backup on a real machine can take: selectable for backup,
 * its files on volumes that resolve. Shared by the real-VSS integration tests.
 *
 * @param writer    the writer, as GatherWriterMetadata described it
 * @param component one of its components
 */
record InBoxComponent(WriterMetadata writer, WriterComponent component) {

    /** The first such component of the first writer named in {@code preference} that has one. */
    static Optional<InBoxComponent> choose(List<WriterMetadata> writers, List<String> preference) {
        for (String name : preference) {
            for (WriterMetadata writer : writers) {
                if (!writer.writerName().equals(name)) {
                    continue;
                }
                for (WriterComponent component : writer.components()) {
                    if (component.selectableForBackup() && !component.volumes().isEmpty()) {
                        return Optional.of(new InBoxComponent(writer, component));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
