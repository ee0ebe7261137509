package io.github.vss4j.internal.copy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** WindowsCopyAccess in a Linux build: bad arguments refused before any native call, and the natives say Windows. */
@EnabledOnOs(OS.LINUX)
class WindowsCopyAccessOffWindowsTest {
    private static final String DEVICE = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1";

    @TempDir
    Path dir;

    @Test
    void argumentsAreCheckedFirst() {
        WindowsCopyAccess access = new WindowsCopyAccess();
        assertThrows(NullPointerException.class, () -> access.mount(null, dir.resolve("link")));
        assertThrows(NullPointerException.class, () -> access.mount(DEVICE, null));
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> access.mount(DEVICE, Path.of("relative")));
        assertTrue(relative.getMessage().contains("relative") && relative.getMessage().contains("not an absolute"),
                relative::getMessage);
        IllegalArgumentException unmounted = assertThrows(IllegalArgumentException.class,
                () -> access.openForBackup(dir.resolve("file.txt")));
        assertTrue(unmounted.getMessage().contains("not inside a shadow copy mounted"), unmounted::getMessage);
    }

    @Test
    void theNativesAnswerThatTheyNeedWindows() {
        WindowsCopyAccess access = new WindowsCopyAccess();
        UnsupportedOperationException mount = assertThrows(UnsupportedOperationException.class,
                () -> access.mount(DEVICE, dir.resolve("link")));
        assertTrue(mount.getMessage().contains("needs Windows"), mount::getMessage);
        assertThrows(UnsupportedOperationException.class, () -> access.unmount(dir.resolve("link")));
        assertThrows(UnsupportedOperationException.class,
                () -> io.github.vss4j.internal.NativeBridge.backupClose(1));
    }
}
