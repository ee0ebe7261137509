package io.github.vss4j.internal.request;

import io.github.vss4j.AlternateLocation;
import io.github.vss4j.NewTarget;
import java.util.List;
import java.util.Objects;

/**
 * One component (or every component of a writer) a restore request chose, with what it asked for it.
 *
 * @param choice             the writer and component as the request named them
 * @param restoreOptions     SetRestoreOptions' text, or empty for none
 * @param additionalRestores SetAdditionalRestores(true): more restores of it follow
 * @param mappings           AddAlternativeLocationMapping for each
 * @param newTargets         AddNewTarget for each
 */
public record RestoreChoice(ComponentChoice choice, String restoreOptions, boolean additionalRestores,
        List<AlternateLocation> mappings, List<NewTarget> newTargets) {

    /** Copies the lists. */
    public RestoreChoice {
        Objects.requireNonNull(choice, "choice");
        restoreOptions = Objects.requireNonNullElse(restoreOptions, "");
        mappings = List.copyOf(mappings);
        newTargets = List.copyOf(newTargets);
    }

    /** The choice alone, nothing asked for it yet. */
    public static RestoreChoice of(ComponentChoice choice) {
        return new RestoreChoice(choice, "", false, List.of(), List.of());
    }

    /** Whether something was asked for this choice beyond restoring it. */
    boolean asksMore() {
        return !restoreOptions.isEmpty() || additionalRestores || !mappings.isEmpty() || !newTargets.isEmpty();
    }
}
