package io.github.vss4j;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One volume's room for shadow copies, as {@link Vss#checkHealth} found it.
 *
 * @param volume        the volume as it was named, e.g. {@code C:\}
 * @param storage       its shadow storage areas (none before its first copy: Windows makes one then)
 * @param copies        how many shadow copies of it exist now, in every context
 * @param copiesThatFit how many more copies fit below the maximum, estimated from what each existing copy uses;
 *                      empty when the maximum is unbounded or no copy exists to estimate from
 */
public record VolumeHealth(String volume, List<ShadowStorage> storage, int copies, OptionalLong copiesThatFit) {

    public VolumeHealth {
        Objects.requireNonNull(volume, "volume");
        storage = List.copyOf(storage);
        Objects.requireNonNull(copiesThatFit, "copiesThatFit");
    }
}
