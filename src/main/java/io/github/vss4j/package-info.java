/** vss4j: take Windows shadow copies from Java through the VSS requester API. */
package io.github.vss4j;
