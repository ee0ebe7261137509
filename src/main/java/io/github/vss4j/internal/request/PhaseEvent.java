package io.github.vss4j.internal.request;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: one phase of a shadow copy request, with its duration and result. */
@Name("io.github.vss4j.Phase")
@Label("VSS Shadow Copy Phase")
@Category({"vss4j"})
@Description("One phase of a vss4j shadow copy request")
final class PhaseEvent extends Event {
    @Label("Phase")
    String phase;
    @Label("Attempt")
    int attempt;
    @Label("HRESULT")
    @Description("0 on success, else the phase's error")
    int hresult;
    @Label("Error")
    String error;
}
