package io.github.vss4j.internal.request;

import java.util.Optional;

/**
 * Where {@link Progress} records a request as JFR events: {@link JfrRequestEvents} when this runtime has the
 * {@code jdk.jfr} module, else nowhere. vss4j {@code requires static jdk.jfr}: a jlink image without it, or a
 * module-path application that does not resolve it, runs every request as well, without its events; only
 * {@code JfrRequestEvents} names a {@code jdk.jfr} class, so no other class fails to load there.
 */
interface RequestEvents {
    /** A phase's event, begun: {@link #end} records it once the phase is over. */
    interface PhaseRecord {
        void end(String phase, int attempt, int hresult);
    }

    PhaseRecord beginPhase();

    void writer(String phase, int attempt, String writer, String state, int failure, boolean checked);

    void retry(int attempt, String reason, String phase, int hresult, String error, long waitNanos);

    void component(String step, int attempt, String writer, String component, boolean dependency, int hresult);

    /** The runtime's: JFR events where {@code jdk.jfr} can be used, none where it cannot. */
    static RequestEvents forThisRuntime() {
        return Holder.INSTANCE;
    }

    /** Records nothing. */
    RequestEvents NONE = new RequestEvents() {
        private final PhaseRecord noPhase = (phase, attempt, hresult) -> { };

        @Override
        public PhaseRecord beginPhase() {
            return noPhase;
        }

        @Override
        public void writer(String phase, int attempt, String writer, String state, int failure, boolean checked) {
        }

        @Override
        public void retry(int attempt, String reason, String phase, int hresult, String error, long waitNanos) {
        }

        @Override
        public void component(String step, int attempt, String writer, String component, boolean dependency,
                int hresult) {
        }
    };

    /** Decided once, on first use: whether JFR's classes can be loaded and used from vss4j's module. */
    final class Holder {
        static final RequestEvents INSTANCE = choose();

        private Holder() {
        }

        private static RequestEvents choose() {
            // A named vss4j reads jdk.jfr only if the module was resolved (requires static does not resolve it);
            // on the class path (or in an OSGi bundle, which may not import jdk.jfr) the class must still load.
            Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
            if (jfr.isEmpty() || !RequestEvents.class.getModule().canRead(jfr.get())) {
                return NONE;
            }
            try {
                Class.forName("jdk.jfr.Event", false, RequestEvents.class.getClassLoader());
                return new JfrRequestEvents();
            } catch (ClassNotFoundException | LinkageError unavailable) {
                return NONE;
            }
        }
    }
}
