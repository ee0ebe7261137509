package io.github.vss4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one owner of native handles: released exactly once, by close() or by the garbage collector. */
class OwnedHandleTest {

    @Test
    void closeReleasesOnceAndUseAfterCloseSaysWhat() {
        List<Long> released = new CopyOnWriteArrayList<>();
        OwnedHandle owner = OwnedHandle.toBeClosed(42, released::add, "this thing is closed", "never closed");
        assertEquals(Long.valueOf(42), owner.use(Long::valueOf));
        assertTrue(owner.close());
        assertFalse(owner.close());
        assertTrue(owner.isClosed());
        assertEquals(List.of(42L), released);
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> owner.use(h -> h));
        assertEquals("this thing is closed", closed.getMessage());
        assertThrows(IllegalStateException.class, owner::live);
    }

    @Test
    void anUnreachableOwnerIsReleasedOnceByTheGarbageCollector() throws Exception {
        CompletableFuture<Long> released = new CompletableFuture<>();
        dropOwner(released);
        for (int i = 0; i < 200 && !released.isDone(); i++) {
            System.gc();
            try {
                released.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // another collection, at most 200
            }
        }
        assertEquals(7L, released.getNow(null));
    }

    private static void dropOwner(CompletableFuture<Long> released) {
        OwnedHandle.untilUnreachable(7, released::complete, "closed");
    }
}
