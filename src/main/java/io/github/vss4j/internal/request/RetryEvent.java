package io.github.vss4j.internal.request;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** JFR: a shadow copy request will try again, and why. */
@Name("io.github.vss4j.Retry")
@Label("VSS Shadow Copy Retry")
@Category({"vss4j"})
@Description("A vss4j shadow copy request failed an attempt and will try again")
final class RetryEvent extends Event {
    @Label("Failed Attempt")
    int attempt;
    @Label("Reason")
    String reason;
    @Label("Phase")
    String phase;
    @Label("HRESULT")
    int hresult;
    @Label("Error")
    String error;
    @Label("Wait")
    @Timespan(Timespan.NANOSECONDS)
    long wait;
}
