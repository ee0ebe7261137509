/**
 * vss4j: Windows Volume Shadow Copy Service requester for Java, with a simulated backend for any OS.
 * The module is open so that its bundled natives (natives/&lt;platform&gt;/) stay readable as resources.
 */
open module io.github.vss4j {
    requires org.slf4j;
    // JFR events where the runtime has jdk.jfr; without it every request runs as well (internal.request.RequestEvents).
    requires static jdk.jfr;

    exports io.github.vss4j;
    exports io.github.vss4j.simulator;
}
