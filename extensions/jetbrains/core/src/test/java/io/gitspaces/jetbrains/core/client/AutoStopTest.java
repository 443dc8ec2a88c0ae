package io.gitspaces.jetbrains.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The idle timeout as an editor's field reads it, with the cases of the sidecar's own {@code IdleTimeoutTests}
 * (tests/Gitspaces.Core.Tests/Settings) so that a field and {@code gitspaces up --auto-stop} agree.
 */
class AutoStopTest {
    @ParameterizedTest
    @CsvSource({"30m,1800", "2h,7200", "1h30m,5400", "90s,90", "45,2700", "0,0", "never,0", "off,0", "' 5S ',5", "720h,2592000", "43200,2592000"})
    void durationsPeopleWriteAreRead(String text, int seconds) {
        assertEquals(OptionalInt.of(seconds), AutoStop.parse(text));
        assertNull(AutoStop.problem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "m", "30x", "10m5", "-5m", "99999h", "721h", "43201", "1.5h", "99999999999"})
    void anythingElseIsNotATimeout(String text) {
        assertEquals(OptionalInt.empty(), AutoStop.parse(text));
        assertTrue(AutoStop.problem(text).contains("is not a timeout"), AutoStop.problem(text));
    }

    @ParameterizedTest
    @CsvSource({"0,never", "3600,1h", "5430,1h30m30s", "45,45s", "1800,30m"})
    void aTimeoutIsWrittenBackAsItIsRead(int seconds, String text) {
        assertEquals(text, AutoStop.format(seconds));
        assertEquals(OptionalInt.of(seconds), AutoStop.parse(text));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL,''", "0,never", "3600,1h"}, nullValues = "NULL")
    void aGitspaceWithoutAutoStopShowsNothing(Integer seconds, String shown) {
        assertEquals(shown, AutoStop.describe(seconds));
    }
}
