package io.github.vss4j.internal.request;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: one writer component of a component-mode request, when it was added and when its writer was told. */
@Name("io.github.vss4j.Component")
@Label("VSS Writer Component")
@Category({"vss4j"})
@Description("A writer component a vss4j shadow copy request added, or told the outcome of its backup")
final class ComponentEvent extends Event {
    @Label("Step")
    @Description("ADDED, or TOLD_SUCCEEDED / TOLD_FAILED by SetBackupSucceeded")
    String step;
    @Label("Attempt")
    int attempt;
    @Label("Writer")
    String writer;
    @Label("Component")
    @Description("LogicalPath\\Name")
    String component;
    @Label("Dependency")
    @Description("true when it was added because a chosen component depends on it")
    boolean dependency;
    @Label("HRESULT")
    @Description("0 on success, else the call's error")
    int hresult;
}
