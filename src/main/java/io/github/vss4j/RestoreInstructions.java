package io.github.vss4j;

import java.util.Objects;

/**
 * What a writer asks of the product that restores its components, as values: its {@link RestoreMethod} read into
 * constants.
 *
 * @param method         how to put the files back
 * @param serviceToStop  the service to stop before copying and start after ({@link RestoreMethodType#stopsService()}),
 *                       or empty
 * @param rebootRequired whether the machine must be rebooted after the restore
 * @param writerRestore  whether the writer takes part in the restore
 * @param userProcedure  the writer's own instructions for {@link RestoreMethodType#CUSTOM}, or empty
 */
public record RestoreInstructions(RestoreMethodType method, String serviceToStop, boolean rebootRequired,
        WriterRestore writerRestore, String userProcedure) {

    /** Checks the constants; turns missing text into empty text. */
    public RestoreInstructions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(writerRestore, "writerRestore");
        serviceToStop = Objects.requireNonNullElse(serviceToStop, "");
        userProcedure = Objects.requireNonNullElse(userProcedure, "");
    }

    /** The instructions in a writer's declared restore method. */
    public static RestoreInstructions of(RestoreMethod declared) {
        Objects.requireNonNull(declared, "declared");
        return new RestoreInstructions(RestoreMethodType.of(declared.method()), declared.service(),
                declared.rebootRequired(), WriterRestore.of(declared.writerRestore()), declared.userProcedure());
    }
}
