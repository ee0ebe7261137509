package io.github.vss4j;

/** Whether a writer takes part in a restore ({@code VSS_WRITERRESTORE_ENUM}, from {@code GetRestoreMethod}). */
public enum WriterRestore {
    /** Not declared. */
    UNDEFINED(0),
    /** The writer does not take part: PreRestore and PostRestore do not reach it. */
    NEVER(1),
    /** The writer takes part only when a file could not be replaced. */
    IF_REPLACE_FAILS(2),
    /** The writer always takes part: it prepares at PreRestore and finishes at PostRestore. */
    ALWAYS(3);

    private final int value;

    WriterRestore(int value) {
        this.value = value;
    }

    /** The {@code VSS_WRITERRESTORE_ENUM} value. */
    public int value() {
        return value;
    }

    /** The constant for a {@code VSS_WRITERRESTORE_ENUM} value; {@link #UNDEFINED} for one not known. */
    public static WriterRestore of(int value) {
        for (WriterRestore w : values()) {
            if (w.value == value) {
                return w;
            }
        }
        return UNDEFINED;
    }
}
