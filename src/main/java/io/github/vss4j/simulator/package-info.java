/** The simulated VSS backend: describe a machine (volumes, writers, faults, timings) and test against it on any OS. */
package io.github.vss4j.simulator;
