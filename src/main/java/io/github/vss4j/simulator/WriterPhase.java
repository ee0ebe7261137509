package io.github.vss4j.simulator;

/** Where in a backup a simulated writer fails or hangs. */
public enum WriterPhase {
    // The order is shared with the native simulator (native/src/sim/machine.h WriterPhase).
    NONE, IDENTIFY, PREPARE_BACKUP, PREPARE_SNAPSHOT, FREEZE, THAW, POST_SNAPSHOT, BACKUP_COMPLETE
}
