/**
 * vss4j: Windows Volume Shadow Copy Service requester for Java, with a simulated backend for any OS.
 * The module is open so that its bundled natives (natives/&lt;platform&gt;/) stay readable as resources.
 */
open module io.github.vss4j {
    requires org.slf4j;
    requires jdk.jfr;

    exports io.github.vss4j;
    exports io.github.vss4j.simulator;
}
