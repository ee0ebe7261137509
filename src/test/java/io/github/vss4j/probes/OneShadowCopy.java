package io.github.vss4j.probes;

import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.Vss;
import io.github.vss4j.simulator.Simulation;

/**
 * Run in a fresh JVM by NativeAccessIT: the library used as an application uses it, through the public API only
 * (one simulated shadow copy of C:\ made and released). Prints {@code COPIES <n>}.
 */
public final class OneShadowCopy {
    private OneShadowCopy() {
    }

    public static void main(String[] args) throws Exception {
        Vss vss = Vss.simulator(Simulation.withVolumes("C:\\"));
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").create()) {
            System.out.println("COPIES " + set.copies().size());
        }
    }
}
