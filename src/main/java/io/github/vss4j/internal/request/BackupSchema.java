package io.github.vss4j.internal.request;

import io.github.vss4j.BackupType;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.WriterMetadata;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a writer's {@code VSS_BACKUP_SCHEMA} lets it take part in a backup of a given type: full backups always,
 * differential ({@code VSS_BS_DIFFERENTIAL}), incremental ({@code VSS_BS_INCREMENTAL}), log ({@code VSS_BS_LOG})
 * and copy ({@code VSS_BS_COPY}) backups only when the writer declares them (Microsoft's VSS_BACKUP_SCHEMA page).
 */
final class BackupSchema {
    static final int DIFFERENTIAL = 0x1;
    static final int INCREMENTAL = 0x2;
    static final int LOG = 0x8;
    static final int COPY = 0x10;

    private BackupSchema() {
    }

    /** The schema bit a backup type needs; 0 when every writer serves it. */
    static int bitFor(BackupType type) {
        return switch (type) {
            case DIFFERENTIAL -> DIFFERENTIAL;
            case INCREMENTAL -> INCREMENTAL;
            case LOG -> LOG;
            case COPY -> COPY;
            // [I] VSS_BT_OTHER has no schema bit: writers are left to decide, as Windows leaves them.
            case FULL, OTHER -> 0;
            case UNDEFINED -> throw new IllegalArgumentException("backup type UNDEFINED cannot select components:"
                    + " choose FULL, COPY, INCREMENTAL, DIFFERENTIAL or LOG");
        };
    }

    /**
     * Refuses a backup of {@code type} that a writer of {@code components} cannot serve.
     *
     * @throws IllegalArgumentException naming the writer, its schema and the bit the type needs
     */
    static void check(BackupType type, List<SelectedComponent> components, List<WriterMetadata> writers) {
        int needed = bitFor(type);
        if (needed == 0) {
            return;
        }
        Set<UUID> instances = new LinkedHashSet<>();
        components.forEach(c -> instances.add(c.instanceId()));
        for (WriterMetadata writer : writers) {
            if (instances.contains(writer.instanceId()) && (writer.backupSchema() & needed) == 0) {
                throw new IllegalArgumentException("writer " + writer.writerName() + " cannot take part in a "
                        + type + " backup: its backup schema 0x" + Integer.toHexString(writer.backupSchema())
                        + " lacks VSS_BS_" + type + " (0x" + Integer.toHexString(needed) + "); choose a backup type"
                        + " it supports (FULL always is)");
            }
        }
    }
}
