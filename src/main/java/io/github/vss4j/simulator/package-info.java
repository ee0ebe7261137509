/**
 * The simulated VSS backend: describe a Windows machine (volumes, providers, writers, fault plans, timings), run
 * the code under test against it on any OS, and look into it afterwards. It is a test kit for products that use
 * vss4j: every failure a real server can give, on demand, in a unit test.
 *
 * <pre>{@code
 * Vss vss = Vss.simulator(Simulation.builder()
 *         .volume(SimulatedVolume.of("C:\\").withDiffArea(1_000_000, 600_000))    // room for one copy
 *         .writer(SimulatedWriter.named("SqlServerWriter")
 *                 .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE))
 *         .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT).onAttempt(1))
 *         .build());
 * // ... the code under test uses vss as it would use Vss.system() ...
 * SimulatedMachine machine = vss.simulatedMachine().orElseThrow();
 * assertEquals(0, machine.liveObjects());
 * }</pre>
 *
 * <ul>
 * <li>{@link io.github.vss4j.simulator.Simulation} describes a machine; its builder collects the parts.</li>
 * <li>{@link io.github.vss4j.simulator.SimulatedVolume}: names, support, shadow storage, copy limits.</li>
 * <li>{@link io.github.vss4j.simulator.SimulatedWriter} and {@link io.github.vss4j.simulator.WriterPhase}:
 *     writers that fail or hang at a phase of a backup or a restore.</li>
 * <li>{@link io.github.vss4j.simulator.CommonWriters}: ready-made SQL Server, System and Registry writers.</li>
 * <li>{@link io.github.vss4j.simulator.Fault}: which call fails, with which HRESULT, how and when.</li>
 * <li>{@link io.github.vss4j.simulator.SimulatedMachine}: what tests check afterwards, down to what each writer
 *     was told in a restore ({@link io.github.vss4j.simulator.ComponentRestore}).</li>
 * </ul>
 *
 * <p>The machine follows the documented behaviour of VSS (state machine, contexts, limits, writer states,
 * persistent and auto-release copies, the machine-wide snapshot-set lock, restore from a Backup Components Document
 * the machine itself saved); where Windows leaves a point
 * undocumented it offers both readings as options.
 */
package io.github.vss4j.simulator;
