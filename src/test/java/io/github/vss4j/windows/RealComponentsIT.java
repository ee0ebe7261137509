package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.SelectedComponent;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A component-mode backup against the in-box writers of a real Windows machine: their metadata in full, one
 * selectable component of the Registry Writer or the System Writer added, the volumes its files live on in the set,
 * SetBackupSucceeded, and the Backup Components Document saved. Prints what it saw, for the workflow's log. Runs
 * only on Windows, elevated, through the workflow (profile real-vss).
 */
@DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
        disabledReason = "a restricted token cannot gather writer metadata")
class RealComponentsIT {
    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final List<String> IN_BOX = List.of("Registry Writer", "System Writer", "COM+ REGDB Writer",
            "WMI Writer");

    @Test
    void aComponentBackupOfAnInBoxWriter() throws Exception {
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            backup.setBackupState(true, false, BackupType.COPY, false);
            await(backup.gatherWriterMetadata());
            List<WriterMetadata> writers = backup.getWriterMetadata();
            print(writers);
            InBoxComponent choice = InBoxComponent.choose(writers, IN_BOX).orElseThrow(
                    () -> new AssertionError("none of " + IN_BOX + " declares a component selectable for backup"));
            WriterMetadata writer = choice.writer();
            WriterComponent component = choice.component();
            System.out.println("component mode: adding " + writer.writerName() + " / " + component.logicalPath()
                    + " / " + component.name() + " on " + component.volumes());
            backup.addComponent(writer.instanceId(), writer.writerId(), component.type(), component.logicalPath(),
                    component.name());
            VssException twice = assertThrows(VssException.class, () -> backup.addComponent(writer.instanceId(),
                    writer.writerId(), component.type(), component.logicalPath(), component.name()));
            assertEquals(VssError.VSS_E_OBJECT_ALREADY_EXISTS, twice.error(), twice.getMessage());

            VssException stampNotAdded = assertThrows(VssException.class, () -> backup.setPreviousBackupStamp(
                    writer.writerId(), component.type(), component.logicalPath(), component.name() + "-not-added",
                    "stamp"));
            System.out.println("SetPreviousBackupStamp of a component not added: " + stampNotAdded.getMessage());
            assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, stampNotAdded.error(), stampNotAdded.getMessage());

            Set<String> volumes = component.volumes();
            assertFalse(volumes.isEmpty(), "the files of " + component.name() + " live on no resolved volume");
            backup.startSnapshotSet();
            for (String volume : volumes) {
                backup.addToSnapshotSet(volume);
            }
            await(backup.prepareForBackup());
            await(backup.doSnapshotSet());

            VssException notAdded = assertThrows(VssException.class, () -> backup.setBackupSucceeded(
                    writer.instanceId(), writer.writerId(), component.type(), component.logicalPath(),
                    component.name() + "-not-added", true));
            System.out.println("SetBackupSucceeded of a component not added: " + notAdded.getMessage());
            assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, notAdded.error(), notAdded.getMessage());
            backup.setBackupSucceeded(writer.instanceId(), writer.writerId(), component.type(),
                    component.logicalPath(), component.name(), true);
            List<RecordedComponent> recorded = backup.getWriterComponents();
            System.out.println("GetWriterComponents:");
            printRecorded(recorded);
            RecordedComponent record = recorded.stream().filter(r -> r.writerId().equals(writer.writerId())
                    && r.logicalPath().equals(component.logicalPath()) && r.componentName().equals(component.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("the writer's record of " + component.name()));
            assertTrue(record.backupSucceeded(), "SetBackupSucceeded recorded for " + component.name());
            assertNoFailure(record);
            String document = backup.saveAsXml();
            System.out.println("Backup Components Document, " + document.length() + " characters:");
            System.out.println(document.length() > 4000 ? document.substring(0, 4000) + "..." : document);
            assertTrue(document.contains(component.name()), "the document names the component added");
            await(backup.backupComplete());
        }
    }

    /**
     * The same backup in one call: the request resolves the component in the writer's metadata, adds it and its
     * volumes, and closing the set tells the writer it succeeded before BackupComplete. COPY where the writer's
     * schema offers it (nothing of the machine's backup history changes), else FULL, which every writer serves.
     */
    @Test
    void aComponentBackupInOneCall() throws Exception {
        Vss vss = Vss.system();
        InBoxComponent choice;
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setBackupState(true, false, BackupType.COPY, false);
            await(backup.gatherWriterMetadata());
            choice = InBoxComponent.choose(backup.getWriterMetadata(), IN_BOX).orElseThrow(
                    () -> new AssertionError("none of " + IN_BOX + " declares a component selectable for backup"));
        }
        WriterMetadata writer = choice.writer();
        String path = choice.component().logicalPath().isEmpty() ? choice.component().name()
                : choice.component().logicalPath() + "\\" + choice.component().name();
        BackupType type = (writer.backupSchema() & 0x10) != 0 ? BackupType.COPY : BackupType.FULL;
        System.out.println("one call: " + writer.writerName() + ":" + path + " as " + type);
        ShadowCopySet closed;
        try (ShadowCopySet set = vss.shadowCopy().component(writer.writerName(), path).backupType(type)
                .create()) {
            assertFalse(set.components().isEmpty(), "the set holds the component chosen");
            for (SelectedComponent component : set.components()) {
                System.out.println("  selected " + component + " on " + component.volumes()
                        + (component.selectedAsDependency() ? " (dependency)" : ""));
                assertFalse(component.volumes().isEmpty(), component + " lives on no volume in the set");
            }
            assertEquals(set.components().stream().flatMap(c -> c.volumes().stream()).distinct().count(),
                    set.copies().size(), "one copy per volume the components live on");
            System.out.println("  what the writers recorded:");
            printRecorded(set.writerComponents());
            for (RecordedComponent record : set.writerComponents()) {
                if (record.writerId().equals(writer.writerId())
                        && record.componentName().equals(choice.component().name())) {
                    assertNoFailure(record);
                }
            }
            set.allComponentsSucceeded();
            closed = set;
        }
        String document = closed.backupComponentsDocument().orElseThrow();
        System.out.println("final Backup Components Document, " + document.length() + " characters");
        assertTrue(document.contains(choice.component().name()), "the final document names the component");
    }

    private static void print(List<WriterMetadata> writers) {
        for (WriterMetadata w : writers) {
            System.out.println(w.writerName() + " " + w.writerId() + " schema 0x" + Integer.toHexString(w.backupSchema())
                    + " restore " + w.restoreMethod() + ", " + w.components().size() + " components, "
                    + w.excludeFiles().size() + " exclude files");
            for (WriterComponent c : w.components()) {
                System.out.println("  " + c.type() + " " + c.logicalPath() + "\\" + c.name() + " selectable "
                        + c.selectableForBackup() + "/" + c.selectableForRestore() + ", " + c.files().size()
                        + " files, " + c.databaseFiles().size() + " database files, " + c.logFiles().size()
                        + " log files, " + c.dependencies().size() + " dependencies, volumes " + c.volumes());
            }
        }
        assertTrue(writers.stream().anyMatch(w -> IN_BOX.contains(w.writerName())),
                "the in-box writers answer GatherWriterMetadata");
    }

    /** Each record with the failure its writer reported for it ({@code IVssComponentEx2::GetFailure}). */
    private static void printRecorded(List<RecordedComponent> recorded) {
        for (RecordedComponent r : recorded) {
            System.out.println("  " + r.writerId() + " " + r.type() + " " + r.logicalPath() + "\\"
                    + r.componentName() + " succeeded " + r.backupSucceeded() + ", stamp '" + r.backupStamp()
                    + "', failure " + failureOf(r));
        }
    }

    /** An in-box writer backed up by the book reports no failure for its component. */
    private static void assertNoFailure(RecordedComponent record) {
        assertFalse(record.failed(), () -> record.componentName() + " reported failure " + failureOf(record));
    }

    private static String failureOf(RecordedComponent record) {
        return record.failed() ? String.format("0x%08X %s", record.failure(), record.failureError()) : "none";
    }

    private static void await(VssAsync async) throws Exception {
        try (async) {
            assertTrue(async.await(BOUND), async + " did not end within " + BOUND);
        }
    }
}
