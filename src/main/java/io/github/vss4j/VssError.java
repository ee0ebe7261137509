package io.github.vss4j;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HRESULTs that the VSS requester calls return, with what each means to an operator and what to do about it.
 * This is vss4j's one translation table: native code passes raw values through and Java reads them here.
 *
 * <p>Values are those of the Windows SDK's {@code vsserror.h} and {@code winerror.h}. A code that is not in the
 * table maps to {@link #UNKNOWN}; whoever holds the raw value (e.g. {@link VssException#hresult()}) keeps it.
 */
public enum VssError {
    /** The call succeeded. */
    S_OK(0x00000000,
            "The call succeeded.",
            "Nothing to do."),
    /** Any code that is not in this table; {@link #hresult()} is 0, the raw value is kept by the caller. */
    UNKNOWN(0x00000000,
            "Windows returned an error code that vss4j does not know.",
            "Look the code up in the Windows documentation and check the Application event log (source VSS)."),

    E_ACCESSDENIED(0x80070005,
            "The caller is not allowed to use VSS: it is neither an elevated administrator, nor LocalSystem, nor a"
                    + " member of Backup Operators.",
            "Run the program elevated (as administrator), as LocalSystem or as a member of Backup Operators."),
    E_INVALIDARG(0x80070057,
            "VSS rejected an argument of the call as invalid.",
            "This is a program error: check the arguments passed; a volume name needs a trailing backslash."),
    E_OUTOFMEMORY(0x8007000E,
            "The system ran out of memory or other resources while serving the call.",
            "Free memory or other system resources, then try again."),
    E_UNEXPECTED(0x8000FFFF,
            VssError.UNEXPECTED_MEANING,
            VssError.UNEXPECTED_ADVICE),
    E_NOTIMPL(0x80004001,
            "The call is not implemented by this version of Windows or by the provider.",
            "Use a version of Windows or a provider that supports the call, or do without it."),

    VSS_E_BAD_STATE(0x80042301,
            "The call was made out of order for this backup components object.",
            "This is a program error: abort the backup if one is in progress, release the object and start again"
                    + " from the beginning."),
    VSS_E_UNEXPECTED(0x80042302,
            VssError.UNEXPECTED_MEANING,
            VssError.UNEXPECTED_ADVICE),
    VSS_E_PROVIDER_NOT_REGISTERED(0x80042304,
            "The requested shadow copy provider is not registered on this computer.",
            "Install or register the provider, or use the default system provider."),
    VSS_E_PROVIDER_VETO(0x80042306,
            "The shadow copy provider refused to create the shadow copy.",
            "Wait ten minutes and try again, up to three times; if it persists, check the System and Application"
                    + " event logs for the provider's errors."),
    VSS_E_OBJECT_NOT_FOUND(0x80042308,
            "The volume, shadow copy or writer named in the call does not exist.",
            "Check the name or id; a volume name must be a mounted volume with a trailing backslash."),
    VSS_S_ASYNC_PENDING(0x00042309,
            "The background operation is still running.",
            "Wait for the operation to finish."),
    VSS_S_ASYNC_FINISHED(0x0004230A,
            "The background operation finished successfully.",
            "Nothing to do."),
    VSS_S_ASYNC_CANCELLED(0x0004230B,
            "The background operation was cancelled before it finished.",
            "Start the operation again if it is still wanted."),
    VSS_E_VOLUME_NOT_SUPPORTED(0x8004230C,
            "Shadow copies are not supported on this volume.",
            "Choose another volume; persistent shadow copies need NTFS."),
    VSS_E_OBJECT_ALREADY_EXISTS(0x8004230D,
            "The object to be added already exists.",
            "This is a program error: add each component or volume only once."),
    VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER(0x8004230E,
            "The chosen shadow copy provider does not support this volume.",
            "Use another provider, such as the default system provider, for this volume."),
    VSS_E_UNEXPECTED_PROVIDER_ERROR(0x8004230F,
            "The shadow copy provider failed with an unexpected error.",
            "Wait ten minutes and try again, up to three times; if it persists, check the event logs for the"
                    + " provider's errors."),
    VSS_E_INVALID_XML_DOCUMENT(0x80042311,
            "The XML document given to VSS is not valid.",
            "This is a program error: pass the XML document exactly as VSS produced it."),
    VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED(0x80042312,
            "The shadow copy set already holds the maximum number of volumes (64).",
            "Split the volumes over several shadow copy sets."),
    VSS_E_FLUSH_WRITES_TIMEOUT(0x80042313,
            "The system could not flush the volumes' pending writes in time to take the shadow copy.",
            "Wait ten minutes and try again, up to three times, preferably when the volumes are less busy."),
    VSS_E_HOLD_WRITES_TIMEOUT(0x80042314,
            "The system could not hold the volumes' writes for the ten seconds that taking the shadow copy allows.",
            "Wait ten minutes and try again, up to three times, preferably when the volumes are less busy."),
    VSS_E_UNEXPECTED_WRITER_ERROR(0x80042315,
            "A writer failed with an unexpected error.",
            "Check the writers' states and the Application event log; release the object and start again."),
    VSS_E_SNAPSHOT_SET_IN_PROGRESS(0x80042316,
            "Another shadow copy is being created on this computer, and only one can be created at a time.",
            "Try again shortly, once the other shadow copy creation has finished."),
    VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED(0x80042317,
            "The volume already has the maximum number of shadow copies.",
            "Delete old shadow copies of the volume, then try again."),
    VSS_E_WRITER_INFRASTRUCTURE(0x80042318,
            "The writer infrastructure is not working properly.",
            "Check that the Volume Shadow Copy and COM+ Event System services run, look for their errors in the"
                    + " event logs, and try again."),
    VSS_E_WRITER_NOT_RESPONDING(0x80042319,
            "A writer did not respond.",
            "Check that the writer's application and service are running and healthy, then try again."),
    VSS_E_UNSUPPORTED_CONTEXT(0x8004231B,
            "The shadow copy provider does not support the requested context.",
            "Use a context that the provider supports, such as BACKUP with the system provider."),
    VSS_E_VOLUME_IN_USE(0x8004231D,
            "The shadow copy storage area is in use by shadow copies of the volume.",
            "Delete the volume's shadow copies first, or keep the storage area and change only its maximum size."),
    VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED(0x8004231E,
            "The volume already has the maximum number of shadow copy storage associations.",
            "Change the maximum size of the volume's existing shadow copy storage instead of adding another."),
    VSS_E_INSUFFICIENT_STORAGE(0x8004231F,
            "There is not enough disk space to create the shadow copy.",
            "Free space on the volume or in its shadow copy storage area, or delete old persistent shadow copies,"
                    + " then try again."),
    VSS_E_REBOOT_REQUIRED(0x80042327,
            "The system or the provider needs a restart before it can create shadow copies.",
            "Restart the computer, then try again."),
    VSS_E_TRANSACTION_FREEZE_TIMEOUT(0x80042328,
            "The system could not freeze the transaction managers (Distributed Transaction Coordinator or Kernel"
                    + " Transaction Manager) in time.",
            "Check the event logs for the transaction managers' errors, then try again."),
    VSS_E_TRANSACTION_THAW_TIMEOUT(0x80042329,
            "The system could not thaw the transaction managers (Distributed Transaction Coordinator or Kernel"
                    + " Transaction Manager) in time.",
            "Check the event logs for the transaction managers' errors, then try again."),
    VSS_E_NESTED_VOLUME_LIMIT(0x8004232C,
            "The volume is nested too deeply (such as a virtual hard disk inside a virtual hard disk) for a shadow"
                    + " copy.",
            "Take the shadow copy of the outer volume instead."),
    VSS_E_NOT_SUPPORTED(0x8004232F,
            "The operation is not supported for this shadow copy or on this system.",
            "Do without the operation or use a system or shadow copy type that supports it."),
    VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT(0x800423F0,
            "The shadow copy holds only some of the volumes a writer needs to back up its application consistently.",
            "Add every volume that holds the writer's data to the shadow copy set."),
    VSS_E_WRITERERROR_OUTOFRESOURCES(0x800423F1,
            "A writer ran out of memory or other system resources.",
            "Wait ten minutes and run the backup again, up to three times."),
    VSS_E_WRITERERROR_TIMEOUT(0x800423F2,
            "A writer timed out between freezing and thawing its application (60 seconds by default).",
            "Wait ten minutes and run the backup again, up to three times, preferably when the application is less"
                    + " busy."),
    VSS_E_WRITERERROR_RETRYABLE(0x800423F3,
            "A writer failed with an error that would likely not recur if the backup were started again.",
            "Run the whole backup again, after about ten minutes, up to three times."),
    VSS_E_WRITERERROR_NONRETRYABLE(0x800423F4,
            "A writer failed with an error that would likely recur with another shadow copy.",
            "Do not retry: check the writer's application and the Application event log and fix the cause first."),
    VSS_E_WRITERERROR_RECOVERY_FAILED(0x800423F5,
            "A writer could not recover its data on the shadow copy (auto-recovery failed).",
            "Check the writer's application and the Application event log."),
    VSS_E_WRITERERROR_PARTIAL_FAILURE(0x80042336,
            "A writer reported errors for one or more of its components.",
            "Check the failed components' errors; the other components may still be usable."),
    VSS_E_WRITER_STATUS_NOT_AVAILABLE(0x80042409,
            "The status of one or more writers is not available; a writer may have reached its maximum number of"
                    + " backup and restore sessions.",
            "Wait for other backups to finish, then try again."),
    /**
     * Not a VSS code: {@code HRESULT_FROM_WIN32(ERROR_TIMEOUT)}, which vss4j itself reports when an operation does
     * not end within a timeout the caller set (the operation was cancelled and the backup cleaned up).
     */
    ERROR_TIMEOUT(0x800705B4,
            "The operation did not end within the time allowed for it, so vss4j cancelled it and cleaned up.",
            "Allow more time, or find what slows it down (busy disks, a slow writer; see the Application event log),"
                    + " then try again.");

    /**
     * How often and how far apart Microsoft documents that an operation failing with a code should be tried again.
     *
     * @param maxAttempts the number of tries in all, the first included
     * @param delay       how long to wait before each further try
     */
    public record RetryPolicy(int maxAttempts, Duration delay) {
        /** Checks that there is at least one attempt and that the delay is not negative. */
        public RetryPolicy {
            Objects.requireNonNull(delay, "delay");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
        }
    }

    // Before Windows 7 / Server 2008 R2 VSS returns E_UNEXPECTED where later versions return VSS_E_UNEXPECTED;
    // sharing the words keeps an operator's reading of the two identical.
    private static final String UNEXPECTED_MEANING = "VSS failed with an unexpected error.";
    private static final String UNEXPECTED_ADVICE =
            "Check the Application and System event logs (source VSS) for the cause, release the object and try"
                    + " again.";

    // DoSnapshotSet's documentation: "wait ten minutes and then repeat the operation, up to three times": the first
    // attempt and up to three more.
    private static final RetryPolicy TEN_MINUTES_THREE_TIMES = new RetryPolicy(4, Duration.ofMinutes(10));

    private static final Map<Integer, VssError> BY_HRESULT;

    static {
        Map<Integer, VssError> byHresult = new HashMap<>();
        for (VssError error : values()) {
            if (error == UNKNOWN) {
                continue;
            }
            VssError previous = byHresult.put(error.hresult, error);
            if (previous != null) {
                throw new IllegalStateException(previous + " and " + error + " share " + error.hex());
            }
        }
        BY_HRESULT = Map.copyOf(byHresult);
    }

    private final int hresult;
    private final String meaning;
    private final String advice;

    VssError(int hresult, String meaning, String advice) {
        this.hresult = hresult;
        this.meaning = meaning;
        this.advice = advice;
    }

    /** The HRESULT value; 0 for {@link #UNKNOWN}, whose real value only the caller knows. */
    public int hresult() {
        return hresult;
    }

    /** The HRESULT as eight hex digits with a {@code 0x} prefix, e.g. {@code 0x80042301}. */
    public String hex() {
        return hex(hresult);
    }

    /**
     * Any HRESULT as eight upper-case hex digits with a {@code 0x} prefix, e.g. {@code 0x80042301}.
     *
     * @param hresult the value
     * @return its hex form
     */
    public static String hex(int hresult) {
        return String.format("0x%08X", hresult);
    }

    /** What the code means, in one sentence an operator understands. */
    public String meaning() {
        return meaning;
    }

    /** What the operator or the program should do about it. */
    public String advice() {
        return advice;
    }

    /**
     * Whether trying the same thing again later may succeed without anyone changing anything.
     *
     * <p>True exactly for the codes whose Microsoft documentation says to wait and repeat the operation:
     * DoSnapshotSet's {@link #VSS_E_FLUSH_WRITES_TIMEOUT}, {@link #VSS_E_HOLD_WRITES_TIMEOUT},
     * {@link #VSS_E_PROVIDER_VETO} and {@link #VSS_E_UNEXPECTED_PROVIDER_ERROR}; {@link #VSS_E_SNAPSHOT_SET_IN_PROGRESS}
     * (another set is being created); and the writer failures {@link #VSS_E_WRITERERROR_RETRYABLE},
     * {@link #VSS_E_WRITERERROR_TIMEOUT} and {@link #VSS_E_WRITERERROR_OUTOFRESOURCES}.
     *
     * @return whether a later retry may succeed
     */
    public boolean isTransient() {
        // The writer failures are included because GetWriterStatus's documentation gives OUTOFRESOURCES, TIMEOUT
        // and RETRYABLE the same "wait ten minutes and then repeat the operation, up to three times" advice as
        // DoSnapshotSet's four retry codes. Left out on purpose: NONRETRYABLE (documented to recur), the
        // transaction freeze/thaw timeouts and WRITER_NOT_RESPONDING (no retry advice documented), and
        // E_OUTOFMEMORY/INSUFFICIENT_STORAGE/MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, which need someone to free
        // something first.
        switch (this) {
            case VSS_E_FLUSH_WRITES_TIMEOUT:
            case VSS_E_HOLD_WRITES_TIMEOUT:
            case VSS_E_PROVIDER_VETO:
            case VSS_E_UNEXPECTED_PROVIDER_ERROR:
            case VSS_E_SNAPSHOT_SET_IN_PROGRESS:
            case VSS_E_WRITERERROR_RETRYABLE:
            case VSS_E_WRITERERROR_TIMEOUT:
            case VSS_E_WRITERERROR_OUTOFRESOURCES:
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether the code reports success ({@code hresult >= 0}). False for {@link #UNKNOWN}: only the raw value can
     * tell, see {@link #isSuccess(int)}.
     *
     * @return whether this is a success code
     */
    public boolean isSuccess() {
        return this != UNKNOWN && isSuccess(hresult);
    }

    /**
     * Whether a raw HRESULT reports success (its severity bit is clear).
     *
     * @param hresult the value
     * @return {@code hresult >= 0}
     */
    public static boolean isSuccess(int hresult) {
        return hresult >= 0;
    }

    /** Whether this is VSS's "unexpected error", under its current name or the one used before Windows 7. */
    public boolean isUnexpected() {
        return this == VSS_E_UNEXPECTED || this == E_UNEXPECTED;
    }

    /**
     * Whether the code is about writers: a failure a writer reports in its status ({@code VSS_E_WRITERERROR_*}) or a
     * failure of the writers or their infrastructure as a whole.
     *
     * @return whether this is a writer error
     */
    public boolean isWriterError() {
        switch (this) {
            case VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT:
            case VSS_E_WRITERERROR_OUTOFRESOURCES:
            case VSS_E_WRITERERROR_TIMEOUT:
            case VSS_E_WRITERERROR_RETRYABLE:
            case VSS_E_WRITERERROR_NONRETRYABLE:
            case VSS_E_WRITERERROR_RECOVERY_FAILED:
            case VSS_E_WRITERERROR_PARTIAL_FAILURE:
            case VSS_E_UNEXPECTED_WRITER_ERROR:
            case VSS_E_WRITER_INFRASTRUCTURE:
            case VSS_E_WRITER_NOT_RESPONDING:
            case VSS_E_WRITER_STATUS_NOT_AVAILABLE:
                return true;
            default:
                return false;
        }
    }

    /**
     * The retry that DoSnapshotSet's documentation prescribes for this code, if any: for
     * {@link #VSS_E_FLUSH_WRITES_TIMEOUT}, {@link #VSS_E_HOLD_WRITES_TIMEOUT}, {@link #VSS_E_PROVIDER_VETO} and
     * {@link #VSS_E_UNEXPECTED_PROVIDER_ERROR}, wait ten minutes and try again, up to three times (four attempts in all).
     *
     * @return the documented policy, or empty when none is documented for DoSnapshotSet
     */
    public Optional<RetryPolicy> documentedRetry() {
        switch (this) {
            case VSS_E_FLUSH_WRITES_TIMEOUT:
            case VSS_E_HOLD_WRITES_TIMEOUT:
            case VSS_E_PROVIDER_VETO:
            case VSS_E_UNEXPECTED_PROVIDER_ERROR:
                return Optional.of(TEN_MINUTES_THREE_TIMES);
            default:
                return Optional.empty();
        }
    }

    /**
     * The constant for a raw HRESULT.
     *
     * @param hresult the value Windows returned
     * @return its constant, or {@link #UNKNOWN} when it is not in the table
     */
    public static VssError of(int hresult) {
        return BY_HRESULT.getOrDefault(hresult, UNKNOWN);
    }
}
