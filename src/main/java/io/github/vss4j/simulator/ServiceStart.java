package io.github.vss4j.simulator;

/**
 * How a Windows service of a simulated machine is set to start, or that it is missing: what
 * {@link Simulation.Builder#service} describes and the doctor's service check reads. The simulated machine reports
 * a disabled service as stopped and any other as running [I: a demand-start service runs only while used; the
 * simulator shows it running, as it is while a requester works].
 */
public enum ServiceStart {
    /** SERVICE_BOOT_START (0). */
    BOOT(0),
    /** SERVICE_SYSTEM_START (1). */
    SYSTEM(1),
    /** SERVICE_AUTO_START (2), "Automatic". */
    AUTOMATIC(2),
    /** SERVICE_DEMAND_START (3), "Manual": how VSS and swprv are installed. */
    MANUAL(3),
    /** SERVICE_DISABLED (4): the service cannot start. */
    DISABLED(4),
    /** The service is not installed. */
    NOT_INSTALLED(-1);

    private final int startType;

    ServiceStart(int startType) {
        this.startType = startType;
    }

    /** The start type as Windows numbers it; -1 for {@link #NOT_INSTALLED}. */
    public int startType() {
        return startType;
    }
}
