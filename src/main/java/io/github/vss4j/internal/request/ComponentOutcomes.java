package io.github.vss4j.internal.request;

import io.github.vss4j.SelectedComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a product says about the backup of each component of a set, until closing the set tells the writers. A
 * component it says nothing about counts as failed: a writer must not truncate logs for data nobody copied.
 * Thread-safe; the latest word counts.
 */
public final class ComponentOutcomes {
    private final List<SelectedComponent> components;
    private final Map<SelectedComponent, Boolean> told = new ConcurrentHashMap<>();

    ComponentOutcomes(List<SelectedComponent> components) {
        this.components = components;
    }

    /**
     * Records how the backup of {@code component} went.
     *
     * @throws IllegalArgumentException if {@code component} is not in the set
     */
    public void record(SelectedComponent component, boolean succeeded) {
        if (!components.contains(component)) {
            throw new IllegalArgumentException("component " + component + " is not in this backup; its components: "
                    + components);
        }
        told.put(component, succeeded);
    }

    /** Records every component as backed up. */
    public void recordAllSucceeded() {
        components.forEach(c -> told.put(c, true));
    }

    boolean succeeded(SelectedComponent component) {
        return told.getOrDefault(component, false);
    }
}
