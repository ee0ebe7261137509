/**
 * Not exported: reading a shadow copy's files. {@link io.github.vss4j.internal.copy.CopyAccess} is the seam between
 * what every backend shares (the copy's file system, owner-only folders, removing orphans) and what each backend
 * does to reach a copy's content.
 */
package io.github.vss4j.internal.copy;
