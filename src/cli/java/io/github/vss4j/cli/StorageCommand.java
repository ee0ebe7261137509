package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.ShadowStorage;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code storage}: the system provider's shadow copy storage, as {@code vssadmin list shadowstorage} shows it, and
 * {@code storage resize|add VOLUME --on VOLUME --max SIZE} as {@code vssadmin resize|add shadowstorage} change it.
 */
final class StorageCommand {
    private StorageCommand() {
    }

    /** The volumes the command names: a simulated machine is made with them (--simulate without a file). */
    static List<String> volumes(Options options) {
        List<String> operands = options.operands;
        if (!operands.isEmpty() && (operands.get(0).equals("resize") || operands.get(0).equals("add"))) {
            List<String> named = new ArrayList<>(operands.subList(1, operands.size()));
            if (options.storageOn != null && !named.contains(options.storageOn)) {
                named.add(options.storageOn);
            }
            return named;
        }
        return operands;
    }

    static int run(Vss vss, Session session, List<String> machineVolumes) throws CliException, VssException {
        List<String> operands = session.options().operands;
        if (!operands.isEmpty() && (operands.get(0).equals("resize") || operands.get(0).equals("add"))) {
            return change(vss, session, operands.get(0), operands.subList(1, operands.size()));
        }
        if (session.options().storageOn != null || session.options().storageMax != null) {
            throw CliException.usage("--on and --max go with storage resize or storage add, not with the list");
        }
        List<String> volumes = operands.isEmpty() ? machineVolumes : operands;
        List<NamedStorage> rows = new ArrayList<>();
        for (String volume : volumes) {
            try {
                rows.addAll(NamedStorage.of(volume, vss.shadowStorage(volume)));
            } catch (VssException unsupported) {
                // Listing every volume, as vssadmin does, passes over those without shadow copies (a DVD drive).
                if (!operands.isEmpty() || (unsupported.error() != VssError.VSS_E_VOLUME_NOT_SUPPORTED
                        && unsupported.error() != VssError.VSS_E_OBJECT_NOT_FOUND)) {
                    throw unsupported;
                }
            }
        }
        print(vss, session, rows);
        return ExitCode.OK.code();
    }

    /** Every drive of this machine when none is named: Windows's roots, or the simulated machine's volumes. */
    static List<String> systemVolumes() {
        List<String> roots = new ArrayList<>();
        for (File root : File.listRoots()) {
            roots.add(root.getPath().endsWith("\\") ? root.getPath() : root.getPath() + "\\");
        }
        return roots;
    }

    private static int change(Vss vss, Session session, String verb, List<String> operands)
            throws CliException, VssException {
        Options options = session.options();
        if (operands.size() != 1) {
            throw CliException.usage("storage " + verb + " takes one volume, e.g. storage " + verb
                    + " C:\\ --on C:\\ --max 10GB, but was given " + operands);
        }
        if (options.storageOn == null || options.storageMax == null) {
            throw CliException.usage("storage " + verb + " needs --on VOLUME (where the storage lives) and --max SIZE");
        }
        String volume = operands.get(0);
        StorageSize size = StorageSize.parse(options.storageMax);
        long bytes = size.isPercent() ? size.of(volumeBytes(vss, options.storageOn)) : size.bytes();
        if (verb.equals("resize")) {
            vss.changeShadowStorageMaximum(volume, options.storageOn, bytes);
        } else {
            vss.addShadowStorage(volume, options.storageOn, bytes);
        }
        print(vss, session, NamedStorage.of(volume, vss.shadowStorage(volume)));
        return ExitCode.OK.code();
    }

    // [I] vssadmin takes NN% of the volume the storage lives on; the simulator has no volume sizes.
    private static long volumeBytes(Vss vss, String volume) throws CliException {
        if (vss.isSimulated()) {
            throw CliException.usage("--max NN% needs the size of " + volume
                    + ", which a simulated machine does not have: give bytes or UNBOUNDED");
        }
        try {
            return Files.getFileStore(Path.of(volume)).getTotalSpace();
        } catch (IOException | RuntimeException unreadable) {
            throw CliException.usage("--max NN%: the size of " + volume + " cannot be read (" + unreadable.getMessage()
                    + "): give bytes or UNBOUNDED");
        }
    }

    /**
     * A storage row with the name it was asked for: VSS names volumes by their {@code \\?\Volume{GUID}\} path
     * only, which an operator does not recognize.
     */
    private record NamedStorage(String named, ShadowStorage storage) {
        static List<NamedStorage> of(String named, List<ShadowStorage> rows) {
            return rows.stream().map(s -> new NamedStorage(named, s)).toList();
        }

        /** Where the area lives: the named volume when on itself, else VSS's name of the other volume. */
        String storageOn() {
            return storage.diffAreaVolume().equalsIgnoreCase(storage.volume()) ? named : storage.diffAreaVolume();
        }
    }

    private static void print(Vss vss, Session session, List<NamedStorage> rows) {
        if (session.json()) {
            ObjectNode report = Reports.report("storage", vss.isSimulated());
            ArrayNode array = report.putArray("storage");
            for (NamedStorage named : rows) {
                ShadowStorage s = named.storage();
                ObjectNode node = array.addObject();
                node.put("named", named.named());
                node.put("volume", s.volume());
                node.put("diffAreaVolume", s.diffAreaVolume());
                node.put("usedBytes", s.usedBytes());
                node.put("allocatedBytes", s.allocatedBytes());
                node.put("maximumBytes", s.maximumBytes());
                node.put("unbounded", s.isUnbounded());
            }
            Reports.print(session.out(), report);
        } else if (rows.isEmpty()) {
            session.out().println("No shadow copy storage.");
        } else {
            Table table = new Table("VOLUME", "STORAGE ON", "USED", "ALLOCATED", "MAXIMUM");
            for (NamedStorage named : rows) {
                ShadowStorage s = named.storage();
                table.row(named.named(), named.storageOn(), StorageSize.show(s.usedBytes()),
                        StorageSize.show(s.allocatedBytes()), StorageSize.show(s.maximumBytes()));
            }
            table.print(session.out());
        }
    }
}
