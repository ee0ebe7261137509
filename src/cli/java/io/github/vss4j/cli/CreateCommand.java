package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.RetryPlan;
import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopyRequest;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code create VOLUME...}: one snapshot set of the volumes. Without {@code --keep} nothing outlives the command:
 * auto-release copies go when the set is released, persistent ones are deleted.
 */
final class CreateCommand {
    private CreateCommand() {
    }

    /** The volumes named on the command line, in the form VSS takes. */
    static List<String> volumes(Options options) throws CliException {
        if (options.operands.isEmpty() && !ComponentBackup.requested(options)) {
            throw CliException.usage("create needs at least one volume or --component, e.g. vss4j create C: D:");
        }
        List<String> volumes = new ArrayList<>();
        for (String operand : options.operands) {
            volumes.add(Volumes.normalize(operand));
        }
        return volumes;
    }

    /** The context asked for; {@code --keep} alone means client-accessible, the context vshadow -p uses. */
    static VssContext context(Options options) throws CliException {
        VssContext context = options.context != null ? options.context
                : options.keep ? VssContext.CLIENT_ACCESSIBLE : VssContext.BACKUP;
        if (context == VssContext.ALL) {
            throw CliException.usage("--context all is for list only: choose the context of the new copies, e.g."
                    + " backup or client-accessible");
        }
        if (options.keep && !context.isPersistent()) {
            throw CliException.usage("--keep needs a persistent context (client-accessible, app-rollback,"
                    + " nas-rollback, client-accessible-writers): VSS deletes " + context.name()
                    + " copies when they are released");
        }
        return context;
    }

    static int run(Vss vss, Session session, List<String> volumes) throws CliException, VssException,
            InterruptedException {
        Options options = session.options();
        VssContext context = context(options);
        ShadowCopyRequest request = request(vss, session, volumes, context);
        ShadowCopySet set = request.create();
        SetDisposal disposal = SetDisposal.guard(vss, set, options.keep, session.err());
        Integer execCode = null;
        CliException undeleted;
        CopyRoots roots = CopyRoots.none(set);
        try {
            if (options.exec != null || session.json()) {
                roots = CopyRoots.make(set, session.err(), session.json());
            }
            if (!session.json()) {
                Reports.printCopies(session.out(), copies(set, roots));
                printFailedWriters(session, set.writerStatus());
            }
            if (options.exec != null) {
                try {
                    execCode = Exec.run(options.exec, set, roots, vss.isSimulated(), session, disposal);
                } catch (IOException cannotStart) {
                    throw new CliException(ExitCode.FAILED, "--exec: the command could not be started: "
                            + cannotStart.getMessage(), cannotStart);
                }
            }
            ComponentBackup.tell(set, execCode);
        } finally {
            // Also when --exec failed: copies the operator did not ask to keep must not outlive the command.
            undeleted = disposal.dispose();
            if (undeleted != null) {
                session.err().println("vss4j: " + undeleted.getMessage());
            }
        }
        if (undeleted != null) {
            throw undeleted;
        }
        ComponentBackup.saveDocument(options, set);
        boolean componentsSucceeded = execCode != null && execCode == 0;
        String disposed = !set.isPersistent() ? "released" : options.keep ? "kept" : "deleted";
        if (session.json()) {
            ObjectNode report = Reports.report("create", vss.isSimulated());
            report.put("context", set.context().name());
            report.put("snapshotSetId", set.snapshotSetId().toString());
            report.put("attempts", set.attempts());
            report.set("copies", Reports.copies(copies(set, roots)));
            report.set("writers", Reports.writers(set.writerStatus(), Map.of()));
            report.put("disposal", disposed);
            if (ComponentBackup.requested(options)) {
                ComponentBackup.report(report, options, set, componentsSucceeded);
            }
            if (options.exec != null) {
                ObjectNode exec = report.putObject("exec");
                exec.put("command", options.exec);
                exec.put("exitCode", execCode);
            }
            Reports.print(session.out(), report);
        } else {
            ComponentBackup.print(session.out(), set, componentsSucceeded);
            session.out().println(switch (disposed) {
                case "kept" -> "Kept: the copies stay; remove them with: vss4j delete " + set.snapshotSetId();
                case "deleted" -> "Deleted: the persistent copies were removed again (add --keep to keep them).";
                default -> "Released: " + set.context().name() + " copies are gone once released.";
            });
        }
        if (execCode != null && execCode != 0) {
            session.note("--exec: the command ended with exit code " + execCode);
        }
        return execCode != null ? execCode : ExitCode.OK.code();
    }

    private static ShadowCopyRequest request(Vss vss, Session session, List<String> volumes, VssContext context)
            throws CliException {
        Options options = session.options();
        try {
            ShadowCopyRequest request = vss.shadowCopy().context(context);
            if (!volumes.isEmpty()) {
                request.volumes(volumes.toArray(String[]::new));
            }
            if (options.backupType != null) {
                request.backupType(options.backupType);
            }
            options.includeWriters.forEach(request::includeWriter);
            options.excludeWriters.forEach(request::excludeWriter);
            if (options.timeout != null) {
                request.deadline(options.timeout);
            }
            if (options.noRetry) {
                request.retryPlan(RetryPlan.none());
            }
            if (options.writerPolicy != null) {
                request.writerPolicy(options.writerPolicy);
            }
            if (session.progress()) {
                request.listener(new ProgressPrinter(session.err()));
            }
            ComponentBackup.choose(options, request);
            return request;
        } catch (IllegalArgumentException bad) {
            throw CliException.usage(bad.getMessage());
        }
    }

    private static List<Reports.Copy> copies(ShadowCopySet set, CopyRoots roots) {
        List<Reports.Copy> copies = new ArrayList<>();
        List<ShadowCopy> made = set.copies();
        for (int i = 0; i < made.size(); i++) {
            ShadowCopy copy = made.get(i);
            copies.add(new Reports.Copy(copy.volume(), copy.properties(), roots.root(i), roots.error(i)));
        }
        return copies;
    }

    private static void printFailedWriters(Session session, List<WriterStatus> writers) {
        for (WriterStatus writer : writers) {
            if (writer.isFailed()) {
                session.err().println("vss4j: warning: writer " + writer.writerName() + " is " + writer.state()
                        + (writer.failure() == 0 ? "" : " (" + Reports.errorText(writer.failure()) + ")")
                        + "; its data in these copies may not be consistent");
            }
        }
    }
}
