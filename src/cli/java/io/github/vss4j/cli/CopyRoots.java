package io.github.vss4j.cli;

import io.github.vss4j.ShadowCopy;
import io.github.vss4j.ShadowCopySet;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Each copy's readable root ({@link ShadowCopy#mountPoint()}) for {@code --exec} and {@code --json}, made while the
 * copies exist. A copy whose root cannot be made is reported with the reason: the backup itself goes on.
 */
final class CopyRoots {
    private final List<String> roots;
    private final List<String> errors;

    private CopyRoots(List<String> roots, List<String> errors) {
        this.roots = roots;
        this.errors = errors;
    }

    /** No roots: the command neither runs a command nor prints JSON. */
    static CopyRoots none(ShadowCopySet set) {
        List<String> empty = new ArrayList<>();
        set.copies().forEach(c -> empty.add(null));
        return new CopyRoots(empty, empty);
    }

    /** Mounts every copy's root; a refusal is written to {@code err} as a warning unless {@code quiet}. */
    static CopyRoots make(ShadowCopySet set, PrintStream err, boolean quiet) {
        List<String> roots = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ShadowCopy copy : set.copies()) {
            try {
                roots.add(copy.mountPoint().toString());
                errors.add(null);
            } catch (IOException | IllegalStateException | UnsupportedOperationException refused) {
                roots.add(null);
                errors.add(refused.getMessage());
                if (!quiet) {
                    err.println("vss4j: warning: the copy of " + copy.volume() + " has no readable root (its device"
                            + " object " + copy.deviceObject() + " is still there): " + refused.getMessage());
                }
            }
        }
        return new CopyRoots(roots, errors);
    }

    /** The mount point of the copy at {@code index} in the set, or null. */
    String root(int index) {
        return roots.get(index);
    }

    /** Why the copy at {@code index} has no root, or null. */
    String error(int index) {
        return errors.get(index);
    }
}
