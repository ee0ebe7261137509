/**
 * Not exported: reading the Windows event log (or the simulated machine's) through the native backend, bounded in
 * time on both sides, for {@code Vss.events} and the event-log entries a failure's exception carries.
 */
package io.github.vss4j.internal.events;
