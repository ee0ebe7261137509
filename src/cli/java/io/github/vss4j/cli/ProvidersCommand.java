package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.ProviderProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import java.util.List;

/** {@code providers}: the registered shadow copy providers, as {@code vssadmin list providers} shows them. */
final class ProvidersCommand {
    private ProvidersCommand() {
    }

    static int run(Vss vss, Session session) throws CliException, VssException {
        if (!session.options().operands.isEmpty()) {
            throw CliException.usage("providers takes no operands, but was given " + session.options().operands);
        }
        List<ProviderProperties> providers;
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            providers = backup.queryProviders();
        }
        if (session.json()) {
            ObjectNode report = Reports.report("providers", vss.isSimulated());
            ArrayNode array = report.putArray("providers");
            for (ProviderProperties p : providers) {
                ObjectNode node = array.addObject();
                node.put("providerId", p.providerId().toString());
                node.put("name", p.name());
                node.put("type", p.type().name());
                node.put("version", p.version());
                node.put("versionId", p.versionId().toString());
                node.put("classId", p.classId().toString());
            }
            Reports.print(session.out(), report);
        } else if (providers.isEmpty()) {
            session.out().println("No providers.");
        } else {
            Table table = new Table("PROVIDER", "TYPE", "VERSION", "PROVIDER ID");
            for (ProviderProperties p : providers) {
                table.row(p.name(), p.type().name(), p.version(), p.providerId().toString());
            }
            table.print(session.out());
        }
        return ExitCode.OK.code();
    }
}
