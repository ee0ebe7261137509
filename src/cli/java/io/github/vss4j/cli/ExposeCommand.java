package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.SnapshotAttribute;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import java.util.UUID;

/**
 * {@code expose ID X:|FOLDER|SHARE [--remotely] [--path-from-root P]} and {@code unexpose ID}: a persistent shadow
 * copy made visible as a drive letter, an empty NTFS folder or a share, as diskshadow's {@code expose} /
 * {@code unexpose} and vshadow's {@code -el} / {@code -er} / {@code -ue} do.
 */
final class ExposeCommand {
    private ExposeCommand() {
    }

    static int expose(Vss vss, Session session) throws CliException, VssException {
        Options options = session.options();
        int operands = options.operands.size();
        if (operands < (options.remotely ? 1 : 2) || operands > 2) {
            throw CliException.usage("expose needs a shadow copy id and where to expose it: a drive letter (X:) or "
                    + "an empty NTFS folder, or with --remotely a share name (optional: VSS then names one); "
                    + "vss4j list shows the ids. Given: " + options.operands);
        }
        if (options.pathFromRoot != null && !options.remotely) {
            throw CliException.usage("--path-from-root " + options.pathFromRoot + " shares part of the volume: it "
                    + "goes with --remotely; a local exposure mounts the whole volume");
        }
        UUID id = DeleteCommand.id(options.operands.get(0));
        String where = operands == 2 ? options.operands.get(1) : null;
        SnapshotAttribute attribute = options.remotely ? SnapshotAttribute.EXPOSED_REMOTELY
                : SnapshotAttribute.EXPOSED_LOCALLY;
        SnapshotProperties exposed;
        String name;
        try (BackupComponents backup = admin(vss)) {
            name = backup.exposeSnapshot(id, options.pathFromRoot, attribute, where);
            exposed = backup.getSnapshotProperties(id);
        }
        if (session.json()) {
            ObjectNode report = Reports.report("expose", vss.isSimulated());
            report.put("snapshotId", id.toString());
            report.put("exposedName", name);
            report.put("exposedPath", exposed.exposedPath());
            report.put("remotely", options.remotely);
            report.put("deviceObject", exposed.snapshotDeviceObject());
            Reports.print(session.out(), report);
        } else {
            session.out().println("Shadow copy " + id + " of " + exposed.originalVolumeName() + " is exposed "
                    + (options.remotely ? "as share " : "at ") + name
                    + (exposed.exposedPath().isEmpty() ? "" : " (path " + exposed.exposedPath() + ")")
                    + "; vss4j unexpose " + id + " removes it.");
        }
        return ExitCode.OK.code();
    }

    static int unexpose(Vss vss, Session session) throws CliException, VssException {
        Options options = session.options();
        if (options.operands.size() != 1) {
            throw CliException.usage("unexpose needs the id of one exposed shadow copy (vss4j list shows them), "
                    + "given: " + options.operands);
        }
        UUID id = DeleteCommand.id(options.operands.get(0));
        try (BackupComponents backup = admin(vss)) {
            backup.unexposeSnapshot(id);
        }
        if (session.json()) {
            ObjectNode report = Reports.report("unexpose", vss.isSimulated());
            report.put("snapshotId", id.toString());
            Reports.print(session.out(), report);
        } else {
            session.out().println("Shadow copy " + id + " is no longer exposed.");
        }
        return ExitCode.OK.code();
    }

    // VSS_CTX_ALL: the administrative context for copies made in any context, as diskshadow uses.
    private static BackupComponents admin(Vss vss) throws VssException {
        BackupComponents backup = vss.createBackupComponents();
        try {
            backup.initializeForBackup();
            backup.setContext(VssContext.ALL);
            return backup;
        } catch (VssException | RuntimeException e) {
            backup.close();
            throw e;
        }
    }
}
