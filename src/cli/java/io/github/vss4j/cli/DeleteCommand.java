package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.BackupComponents;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code delete ID...} or {@code delete --all}: deletes shadow copies by their id, or whole sets by the set's id.
 * Every id is checked before anything is deleted.
 */
final class DeleteCommand {
    private DeleteCommand() {
    }

    private record Target(UUID id, boolean wholeSet) {
    }

    static int run(Vss vss, Session session) throws CliException, VssException {
        Options options = session.options();
        if (options.all == !options.operands.isEmpty()) {
            throw CliException.usage(options.all ? "delete takes either ids or --all, not both"
                    : "delete needs the ids of shadow copies or sets (vss4j list shows them), or --all");
        }
        List<SnapshotProperties> existing = ListCommand.query(vss, VssContext.ALL);
        Set<Target> targets = new LinkedHashSet<>();
        if (options.all) {
            existing.forEach(copy -> targets.add(new Target(copy.snapshotSetId(), true)));
        }
        for (String operand : options.operands) {
            UUID id = id(operand);
            if (existing.stream().anyMatch(copy -> copy.snapshotSetId().equals(id))) {
                targets.add(new Target(id, true));
            } else if (existing.stream().anyMatch(copy -> copy.snapshotId().equals(id))) {
                targets.add(new Target(id, false));
            } else {
                throw new CliException(ExitCode.FAILED, "no shadow copy or snapshot set has the id " + id
                        + "; vss4j list shows those that exist. Nothing was deleted.");
            }
        }
        int total = 0;
        ArrayNode deleted = Reports.JSON.createArrayNode();
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.ALL);
            for (Target target : targets) {
                int count = target.wholeSet() ? backup.deleteSnapshotSet(target.id(), options.force)
                        : backup.deleteSnapshot(target.id(), options.force);
                total += count;
                ObjectNode node = deleted.addObject();
                node.put("id", target.id().toString());
                node.put("kind", target.wholeSet() ? "set" : "snapshot");
                node.put("count", count);
                if (!session.json()) {
                    session.out().println("Deleted " + (target.wholeSet() ? "set " : "shadow copy ") + target.id()
                            + " (" + count + (count == 1 ? " copy)" : " copies)"));
                }
            }
        }
        if (session.json()) {
            ObjectNode report = Reports.report("delete", vss.isSimulated());
            report.set("deleted", deleted);
            report.put("total", total);
            Reports.print(session.out(), report);
        } else if (targets.isEmpty()) {
            session.out().println("No shadow copies to delete.");
        }
        return ExitCode.OK.code();
    }

    /** A shadow copy or set id as the user typed it, braces allowed; else a usage error naming it. */
    static UUID id(String operand) throws CliException {
        String text = operand.startsWith("{") && operand.endsWith("}")
                ? operand.substring(1, operand.length() - 1) : operand;
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return id;
        } catch (IllegalArgumentException bad) {
            throw CliException.usage("\"" + operand + "\" is not a shadow copy or set id: ids look like"
                    + " 3f2504e0-4f89-11d3-9a0c-0305e82c3301 (vss4j list shows them)");
        }
    }
}
