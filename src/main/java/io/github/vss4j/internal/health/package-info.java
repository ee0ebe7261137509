/**
 * Not exported: {@code Vss.checkHealth}, the doctor's check of whether this machine can take shadow copies now. It
 * uses only the public API, as a product could, and turns every failure into a finding with what to do.
 */
package io.github.vss4j.internal.health;
