package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.probes.IdleCallbackThreads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vss4j's callback threads in a fresh JVM, with a short idle time: present while an operation is pending, gone
 * when nothing is (an idle or undeployed application keeps no thread of ours), back for the next operation.
 */
class CallbackThreadsIT {
    @TempDir
    Path tmp;

    @Test
    void callbackThreadsStayWhileAnOperationIsPendingAndEndWhenIdle() throws Exception {
        Path output = tmp.resolve("out.txt");
        List<String> command = List.of(ChildJvm.java(), "-Xcheck:jni", "-Dvss4j.extract.dir=" + tmp.resolve("natives"),
                "-Dvss4j.internal.callbackIdleMillis=200", "-cp", ChildJvm.classPath(IdleCallbackThreads.class),
                IdleCallbackThreads.class.getName());
        ChildJvm.Ended ended = ChildJvm.run(command, tmp, output, 120);
        String out = ended.output();
        assertEquals(0, ended.exit(), out);
        assertTrue(out.contains("WHILE PENDING STILL LISTENING true"), out);
        assertTrue(out.contains("CANCELLED CALLED BACK CANCELLED"), out);
        assertTrue(out.contains("IDLE THREADS GONE true 0"), out);
        assertTrue(out.contains("NEXT CALLED BACK ON vss4j-callback-"), out);
        assertFalse(out.contains("in native method"), "-Xcheck:jni warnings:\n" + out);
    }
}
