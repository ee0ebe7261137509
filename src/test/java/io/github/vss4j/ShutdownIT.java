package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.probes.InFlightAtExit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh JVM on the built jar: native threads never keep it alive, and native log lines reach SLF4J. */
class ShutdownIT {
    @TempDir
    Path tmp;

    @Test
    void theJvmExitsPromptlyWithAnOperationInFlightAndNativeLogsReachSlf4j() throws Exception {
        Path output = tmp.resolve("out.txt");
        List<String> command = List.of(ChildJvm.java(),
                "-Xcheck:jni", "-Dvss4j.extract.dir=" + tmp.resolve("natives"),
                "-Dorg.slf4j.simpleLogger.logFile=System.out", "-cp", ChildJvm.classPath(InFlightAtExit.class), InFlightAtExit.class.getName());
        ChildJvm.Ended ended = ChildJvm.run(command, tmp, output, 60);  // a hang with an operation in flight fails
        String out = ended.output();
        assertEquals(0, ended.exit(), out);
        assertTrue(out.contains("MAIN RETURNS with DoSnapshotSet PENDING"), out);
        assertTrue(out.contains("io.github.vss4j.native - vss4j: a BackupComponents was closed while 1 of its "
                + "operations were still running; they were cancelled"), out);
        assertFalse(out.contains("in native method"), "-Xcheck:jni warnings:\n" + out);
        assertFalse(out.contains("CALLBACK"), "the hour-long operation did not end: " + out);
    }
}
