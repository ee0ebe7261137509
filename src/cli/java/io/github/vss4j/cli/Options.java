package io.github.vss4j.cli;

import io.github.vss4j.BackupType;
import io.github.vss4j.VssContext;
import io.github.vss4j.WriterPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one command line asked for; {@link Args} fills it in. */
final class Options {
    String command;
    final List<String> operands = new ArrayList<>();
    /** The options given, by name (e.g. {@code --keep}), so that a command can refuse those it does not take. */
    final Set<String> given = new LinkedHashSet<>();

    boolean help;
    boolean version;
    boolean simulate;
    Path machineFile;
    /** {@code --machine FILE}: the machine's persistent copies are kept between runs (see MachineStateFile). */
    boolean keepsMachine;
    boolean json;
    boolean quiet;
    boolean verbose;

    VssContext context;
    BackupType backupType;
    final List<String> includeWriters = new ArrayList<>();
    final List<String> excludeWriters = new ArrayList<>();
    Duration timeout;
    String exec;
    String storageOn;   // storage resize/add: the volume the storage lives on
    String storageMax;  // storage resize/add: the maximum, as StorageSize reads it
    boolean keep;
    boolean noRetry;
    WriterPolicy writerPolicy;
    /** {@code --component WRITER:COMPONENT}, as given. */
    final List<String> components = new ArrayList<>();
    Path saveDocument;
    /** {@code restore --document FILE}. */
    Path document;

    boolean all;
    boolean force;

    /** {@code expose --remotely}: as a share rather than a drive letter or folder. */
    boolean remotely;
    /** {@code expose --path-from-root P}: the part of the volume a share shows. */
    String pathFromRoot;

    /** {@code writers --components}. */
    boolean listComponents;
}
