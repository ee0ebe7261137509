package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import java.util.ArrayList;
import java.util.List;

/** {@code list}: the shadow copies that exist, in every context unless {@code --context} narrows it. */
final class ListCommand {
    private ListCommand() {
    }

    /** Every finished copy of {@code context} (VSS's Query). */
    static List<SnapshotProperties> query(Vss vss, VssContext context) throws VssException {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(context);
            return backup.query();
        }
    }

    static int run(Vss vss, Session session) throws CliException, VssException {
        if (!session.options().operands.isEmpty()) {
            throw CliException.usage("list takes no operands, but was given " + session.options().operands);
        }
        VssContext context = session.options().context != null ? session.options().context : VssContext.ALL;
        List<Reports.Copy> copies = new ArrayList<>();
        for (SnapshotProperties copy : query(vss, context)) {
            copies.add(new Reports.Copy(copy.originalVolumeName(), copy));
        }
        if (session.json()) {
            ObjectNode report = Reports.report("list", vss.isSimulated());
            report.put("context", context.name());
            report.set("copies", Reports.copies(copies));
            Reports.print(session.out(), report);
        } else if (copies.isEmpty()) {
            session.out().println("No shadow copies" + (context == VssContext.ALL ? "." : " in context "
                    + context.name() + "."));
        } else {
            Reports.printCopies(session.out(), copies);
        }
        if (vss.isSimulated() && !session.options().keepsMachine) {
            session.note("a simulated machine lives as long as this one command: it holds only the copies its"
                    + " machine file's shadowCopies made (--machine FILE keeps a machine's copies between runs)");
        }
        return ExitCode.OK.code();
    }
}
