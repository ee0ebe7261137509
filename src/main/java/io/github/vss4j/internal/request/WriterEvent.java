package io.github.vss4j.internal.request;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: one writer's status, as a shadow copy request read it. */
@Name("io.github.vss4j.WriterStatus")
@Label("VSS Writer Status")
@Category({"vss4j"})
@Description("A writer's state after a phase of a vss4j shadow copy request")
final class WriterEvent extends Event {
    @Label("Phase")
    String phase;
    @Label("Attempt")
    int attempt;
    @Label("Writer")
    String writer;
    @Label("State")
    String state;
    @Label("Failure HRESULT")
    int failure;
    @Label("Checked")
    @Description("false when the request ignores this writer")
    boolean checked;
}
