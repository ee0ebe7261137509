package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code writers}: every writer's metadata and status, with {@code --components} each writer's components and
 * their files. Writer status exists once a backup is prepared, so this prepares an empty snapshot set and aborts
 * it; no shadow copy is made.
 */
final class WritersCommand {
    private WritersCommand() {
    }

    static int run(Vss vss, Session session) throws CliException, VssException, InterruptedException {
        if (!session.options().operands.isEmpty()) {
            throw CliException.usage("writers takes no operands, but was given " + session.options().operands);
        }
        Map<UUID, WriterMetadata> metadata = new LinkedHashMap<>();
        List<WriterStatus> status;
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            backup.setBackupState(false, false, BackupType.COPY, false);
            await(backup.gatherWriterMetadata());
            for (WriterMetadata writer : backup.getWriterMetadata()) {
                metadata.put(writer.instanceId(), writer);
            }
            backup.freeWriterMetadata();
            backup.startSnapshotSet();
            try {
                await(backup.prepareForBackup());
                await(backup.gatherWriterStatus());
                status = backup.getWriterStatus();
            } finally {
                backup.abortBackup();
            }
        }
        if (session.json()) {
            ObjectNode report = Reports.report("writers", vss.isSimulated());
            ArrayNode writers = Reports.writers(status, metadata);
            if (session.options().listComponents) {
                ComponentReports.addTo(writers, metadata);
            }
            report.set("writers", writers);
            Reports.print(session.out(), report);
        } else if (status.isEmpty()) {
            session.out().println("No writers.");
        } else {
            Reports.printWriters(session.out(), status);
            if (session.options().listComponents) {
                session.out().println();
                ComponentReports.print(session.out(), metadata.values());
            }
        }
        return ExitCode.OK.code();
    }

    private static void await(VssAsync operation) throws VssException, InterruptedException {
        try (operation) {
            operation.await();
        }
    }
}
