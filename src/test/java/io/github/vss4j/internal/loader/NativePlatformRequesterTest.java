package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which JVMs {@link NativeLibrary#checkRequester} refuses: 32-bit ones on Windows, judged as the loader judges. */
class NativePlatformRequesterTest {
    private static void assertRefused(String override, String osName, String osArch, String model, String named) {
        String why = NativePlatform.why32BitWindows(override, osName, osArch, model);
        assertTrue(why != null && why.contains("(" + named + ")") && why.contains("WOW64")
                && why.contains("64-bit JVM"), String.valueOf(why));
    }

    @Test
    void a32BitJvmOnWindowsIsRefused() {
        assertRefused(null, "Windows 11", "x86", "32", "os.arch=x86, sun.arch.data.model=32");
        assertRefused(null, "Windows Server 2022", "i386", null, "os.arch=i386, sun.arch.data.model=null");
        assertRefused(null, "Windows 10", "amd64", "32", "os.arch=amd64, sun.arch.data.model=32");
        assertRefused(" windows_32 ", "Linux", "amd64", "64", NativeLibrary.PLATFORM_PROPERTY + "=windows_32");
    }

    @Test
    void everythingElseIsLeftToTheLoader() {
        assertNull(NativePlatform.why32BitWindows(null, "Windows 11", "amd64", "64"));
        assertNull(NativePlatform.why32BitWindows(null, "Windows 11", "aarch64", "64"));
        assertNull(NativePlatform.why32BitWindows(null, "Linux", "x86", "32"), "not Windows");
        assertNull(NativePlatform.why32BitWindows("windows_64", "Windows 10", "x86", "32"), "the override decides");
        assertNull(NativePlatform.why32BitWindows("linux_64", "Linux", "amd64", "64"));
    }
}
