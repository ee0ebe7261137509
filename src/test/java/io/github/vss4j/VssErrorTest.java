package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VssErrorTest {

    // Typed from VSS-BEHAVIOUR.md's HRESULTs section (abbreviated names spelled out), independently of VssError.
    private static final Map<String, Integer> DOCUMENTED = new LinkedHashMap<>();

    static {
        DOCUMENTED.put("E_ACCESSDENIED", 0x80070005);
        DOCUMENTED.put("E_INVALIDARG", 0x80070057);
        DOCUMENTED.put("E_OUTOFMEMORY", 0x8007000E);
        DOCUMENTED.put("E_UNEXPECTED", 0x8000FFFF);
        DOCUMENTED.put("E_NOTIMPL", 0x80004001);
        DOCUMENTED.put("VSS_E_BAD_STATE", 0x80042301);
        DOCUMENTED.put("VSS_E_UNEXPECTED", 0x80042302);
        DOCUMENTED.put("VSS_E_PROVIDER_NOT_REGISTERED", 0x80042304);
        DOCUMENTED.put("VSS_E_PROVIDER_VETO", 0x80042306);
        DOCUMENTED.put("VSS_E_OBJECT_NOT_FOUND", 0x80042308);
        DOCUMENTED.put("VSS_S_ASYNC_PENDING", 0x00042309);
        DOCUMENTED.put("VSS_S_ASYNC_FINISHED", 0x0004230A);
        DOCUMENTED.put("VSS_S_ASYNC_CANCELLED", 0x0004230B);
        DOCUMENTED.put("VSS_E_VOLUME_NOT_SUPPORTED", 0x8004230C);
        DOCUMENTED.put("VSS_E_OBJECT_ALREADY_EXISTS", 0x8004230D);
        DOCUMENTED.put("VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER", 0x8004230E);
        DOCUMENTED.put("VSS_E_UNEXPECTED_PROVIDER_ERROR", 0x8004230F);
        DOCUMENTED.put("VSS_E_INVALID_XML_DOCUMENT", 0x80042311);
        DOCUMENTED.put("VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED", 0x80042312);
        DOCUMENTED.put("VSS_E_FLUSH_WRITES_TIMEOUT", 0x80042313);
        DOCUMENTED.put("VSS_E_HOLD_WRITES_TIMEOUT", 0x80042314);
        DOCUMENTED.put("VSS_E_UNEXPECTED_WRITER_ERROR", 0x80042315);
        DOCUMENTED.put("VSS_E_SNAPSHOT_SET_IN_PROGRESS", 0x80042316);
        DOCUMENTED.put("VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED", 0x80042317);
        DOCUMENTED.put("VSS_E_WRITER_INFRASTRUCTURE", 0x80042318);
        DOCUMENTED.put("VSS_E_WRITER_NOT_RESPONDING", 0x80042319);
        DOCUMENTED.put("VSS_E_UNSUPPORTED_CONTEXT", 0x8004231B);
        // The shadow storage calls' codes: vsserror.h and Microsoft's pages of the vsmgmt.h methods.
        DOCUMENTED.put("VSS_E_VOLUME_IN_USE", 0x8004231D);
        DOCUMENTED.put("VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED", 0x8004231E);
        DOCUMENTED.put("VSS_E_INSUFFICIENT_STORAGE", 0x8004231F);
        DOCUMENTED.put("VSS_E_REBOOT_REQUIRED", 0x80042327);
        DOCUMENTED.put("VSS_E_TRANSACTION_FREEZE_TIMEOUT", 0x80042328);
        DOCUMENTED.put("VSS_E_TRANSACTION_THAW_TIMEOUT", 0x80042329);
        DOCUMENTED.put("VSS_E_NESTED_VOLUME_LIMIT", 0x8004232C);
        DOCUMENTED.put("VSS_E_NOT_SUPPORTED", 0x8004232F);
        DOCUMENTED.put("VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT", 0x800423F0);
        DOCUMENTED.put("VSS_E_WRITERERROR_OUTOFRESOURCES", 0x800423F1);
        DOCUMENTED.put("VSS_E_WRITERERROR_TIMEOUT", 0x800423F2);
        DOCUMENTED.put("VSS_E_WRITERERROR_RETRYABLE", 0x800423F3);
        DOCUMENTED.put("VSS_E_WRITERERROR_NONRETRYABLE", 0x800423F4);
        DOCUMENTED.put("VSS_E_WRITERERROR_RECOVERY_FAILED", 0x800423F5);
        DOCUMENTED.put("VSS_E_WRITERERROR_PARTIAL_FAILURE", 0x80042336);
        DOCUMENTED.put("VSS_E_WRITER_STATUS_NOT_AVAILABLE", 0x80042409);
    }

    private static final Set<String> DOCUMENTED_RETRY = Set.of("VSS_E_FLUSH_WRITES_TIMEOUT",
            "VSS_E_HOLD_WRITES_TIMEOUT", "VSS_E_PROVIDER_VETO", "VSS_E_UNEXPECTED_PROVIDER_ERROR");

    @Test
    void theDocumentedTableHasFortyThreeCodes() {
        assertEquals(43, DOCUMENTED.size());
    }

    @Test
    void everyDocumentedCodeHasAConstantWithItsValue() {
        for (Map.Entry<String, Integer> entry : DOCUMENTED.entrySet()) {
            VssError error = VssError.valueOf(entry.getKey());
            assertEquals(VssError.hex(entry.getValue()), error.hex(), entry.getKey());
            assertEquals((int) entry.getValue(), error.hresult(), entry.getKey());
        }
    }

    @Test
    void thereAreNoConstantsBeyondTheDocumentedOnesSOkUnknownAndTimeout() {
        Set<String> names = Arrays.stream(VssError.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(DOCUMENTED.keySet());
        expected.add("S_OK");
        expected.add("UNKNOWN");
        expected.add("ERROR_TIMEOUT");  // vss4j's own timeouts
        assertEquals(expected, names);
        assertEquals(0, VssError.S_OK.hresult());
        assertEquals(0, VssError.UNKNOWN.hresult());
        assertEquals(0x800705B4, VssError.ERROR_TIMEOUT.hresult());
        assertEquals(VssError.ERROR_TIMEOUT, VssError.of(ShadowCopyRequest.TIMEOUT_HRESULT));
    }

    @Test
    void valuesAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (VssError error : VssError.values()) {
            if (error != VssError.UNKNOWN) {
                assertTrue(seen.add(error.hresult()), error + " repeats " + error.hex());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = VssError.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void ofRoundTrips(VssError error) {
        assertSame(error, VssError.of(error.hresult()));
    }

    @Test
    void ofFindsTheDocumentedValues() {
        DOCUMENTED.forEach((name, value) -> assertEquals(name, VssError.of(value).name()));
        assertSame(VssError.S_OK, VssError.of(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80004005 /* E_FAIL */, 1 /* S_FALSE */, 0x80042303 /* a gap in VSS's range */,
            0x80042310, 0x800423F6, 0x7FFFFFFF, 0xFFFFFFFF, 0x12345678})
    void unknownCodesMapToUnknown(int hresult) {
        assertSame(VssError.UNKNOWN, VssError.of(hresult));
    }

    @Test
    void hexIsEightUpperCaseDigits() {
        assertEquals("0x80042301", VssError.VSS_E_BAD_STATE.hex());
        assertEquals("0x0004230A", VssError.VSS_S_ASYNC_FINISHED.hex());
        assertEquals("0x8007000E", VssError.E_OUTOFMEMORY.hex());
        assertEquals("0x00000000", VssError.hex(0));
        assertEquals("0xFFFFFFFF", VssError.hex(-1));
    }

    @Test
    void bothUnexpectedCodesReadTheSame() {
        Set<VssError> unexpected = EnumSet.noneOf(VssError.class);
        for (VssError error : VssError.values()) {
            if (error.isUnexpected()) {
                unexpected.add(error);
            }
        }
        assertEquals(EnumSet.of(VssError.VSS_E_UNEXPECTED, VssError.E_UNEXPECTED), unexpected);
        assertEquals(VssError.VSS_E_UNEXPECTED.meaning(), VssError.E_UNEXPECTED.meaning());
        assertEquals(VssError.VSS_E_UNEXPECTED.advice(), VssError.E_UNEXPECTED.advice());
        assertTrue(VssError.E_UNEXPECTED.meaning().toLowerCase(Locale.ROOT).contains("unexpected error"));
        assertSame(VssError.E_UNEXPECTED, VssError.of(0x8000FFFF));
        assertTrue(VssError.of(0x80042302).isUnexpected());
    }

    @Test
    void theTransientSetIsExactlyTheCodesDocumentedToBeRetried() {
        Set<String> expected = Set.of("VSS_E_FLUSH_WRITES_TIMEOUT", "VSS_E_HOLD_WRITES_TIMEOUT",
                "VSS_E_PROVIDER_VETO", "VSS_E_UNEXPECTED_PROVIDER_ERROR", "VSS_E_SNAPSHOT_SET_IN_PROGRESS",
                "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_TIMEOUT", "VSS_E_WRITERERROR_OUTOFRESOURCES");
        Set<String> actual = Arrays.stream(VssError.values()).filter(VssError::isTransient).map(Enum::name)
                .collect(Collectors.toSet());
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @EnumSource(VssError.class)
    void documentedRetryIsTenMinutesThreeTimesForDoSnapshotSetsFourCodes(VssError error) {
        if (DOCUMENTED_RETRY.contains(error.name())) {
            VssError.RetryPolicy policy = error.documentedRetry().orElseThrow();
            assertEquals(4, policy.maxAttempts(), "the first attempt and up to three more");
            assertEquals(Duration.ofMinutes(10), policy.delay());
            assertTrue(error.isTransient(), "a documented retry implies transient");
        } else {
            assertTrue(error.documentedRetry().isEmpty(), error.name());
        }
    }

    @Test
    void retryPolicyRejectsNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VssError.RetryPolicy(0, Duration.ZERO));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VssError.RetryPolicy(1, Duration.ofSeconds(-1)));
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> new VssError.RetryPolicy(1, null));
    }

    @Test
    void successIsTheSeverityBit() {
        for (VssError error : VssError.values()) {
            if (error == VssError.UNKNOWN) {
                assertFalse(error.isSuccess(), "UNKNOWN cannot claim success: only its raw value can tell");
            } else {
                boolean documentedSuccess = error == VssError.S_OK || error.name().startsWith("VSS_S_");
                assertEquals(documentedSuccess, error.isSuccess(), error.name());
            }
        }
        assertTrue(VssError.isSuccess(1));
        assertFalse(VssError.isSuccess(0x80004005));
    }

    @Test
    void writerErrorsAreTheWriterCodes() {
        Set<String> expected = Set.of("VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT", "VSS_E_WRITERERROR_OUTOFRESOURCES",
                "VSS_E_WRITERERROR_TIMEOUT", "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_NONRETRYABLE",
                "VSS_E_WRITERERROR_RECOVERY_FAILED", "VSS_E_WRITERERROR_PARTIAL_FAILURE",
                "VSS_E_UNEXPECTED_WRITER_ERROR", "VSS_E_WRITER_INFRASTRUCTURE", "VSS_E_WRITER_NOT_RESPONDING",
                "VSS_E_WRITER_STATUS_NOT_AVAILABLE");
        Set<String> actual = Arrays.stream(VssError.values()).filter(VssError::isWriterError).map(Enum::name)
                .collect(Collectors.toSet());
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @EnumSource(VssError.class)
    void everyCodeHasOneSentenceOfMeaningAndSomeAdvice(VssError error) {
        assertNotNull(error.meaning());
        assertFalse(error.meaning().isBlank(), error.name());
        assertTrue(error.meaning().endsWith("."), error.name());
        assertEquals(1, error.meaning().split("\\.\\s").length, error.name() + ": one sentence");
        assertFalse(error.advice().isBlank(), error.name());
        assertTrue(error.advice().endsWith("."), error.name());
    }

    @Test
    void meaningsTellCodesApart() {
        Map<String, VssError> byMeaning = new LinkedHashMap<>();
        for (VssError error : VssError.values()) {
            VssError previous = byMeaning.put(error.meaning(), error);
            boolean sharedOnPurpose = previous != null && previous.isUnexpected() && error.isUnexpected();
            assertTrue(previous == null || sharedOnPurpose, previous + " and " + error + " share a meaning");
        }
    }

    @Test
    void adviceFollowsTheDocumentation() {
        for (String name : DOCUMENTED_RETRY) {
            String advice = lower(VssError.valueOf(name).advice());
            assertTrue(advice.contains("ten minutes") && advice.contains("three times"), name + ": " + advice);
        }
        assertContainsAll(VssError.VSS_E_INSUFFICIENT_STORAGE, "free space", "shadow copy storage",
                "delete old persistent shadow copies");
        assertContainsAll(VssError.VSS_E_REBOOT_REQUIRED, "restart the computer");
        assertContainsAll(VssError.E_ACCESSDENIED, "elevated", "localsystem", "backup operators");
        assertContainsAll(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS, "try again shortly");
        assertContainsAll(VssError.VSS_E_WRITERERROR_RETRYABLE, "run the whole backup again");
        assertContainsAll(VssError.VSS_E_BAD_STATE, "program error", "release the object", "start again");
        assertContainsAll(VssError.VSS_E_WRITERERROR_NONRETRYABLE, "do not retry");
    }

    private static void assertContainsAll(VssError error, String... words) {
        String advice = lower(error.advice());
        for (String word : words) {
            assertTrue(advice.contains(word), error + " advice lacks '" + word + "': " + error.advice());
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
