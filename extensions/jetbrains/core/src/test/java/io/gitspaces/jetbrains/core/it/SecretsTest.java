package io.gitspaces.jetbrains.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.client.SecretRules;
import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.SecretInfo;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user's secret store through the real sidecar ({@code secrets/list|set|delete}; no engine needed): a round trip
 * of global and scoped secrets, the value reaching the store but never the client's trace or log, and the core's
 * {@link SecretRules} agreeing with what the sidecar accepts.
 */
class SecretsTest {
    private final Path home = TestSupport.tempDir("gitspaces-jb-secrets-");
    private final List<String> log = TestSupport.syncList();
    private final List<String> trace = TestSupport.syncList();
    private GitspacesClient client;

    @BeforeEach
    void startSidecar() {
        client = new GitspacesClient(TestSupport.sidecarOptions(home, log).trace(trace::add).build());
        client.start();
    }

    @AfterEach
    void cleanUp() {
        if (client != null) {
            client.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private String everythingLogged() {
        List<String> lines = new ArrayList<>();
        synchronized (log) {
            lines.addAll(log);
        }
        synchronized (trace) {
            lines.addAll(trace);
        }
        return String.join("\n", lines);
    }

    @Test
    void secretsAreSetListedByNameAndScopeAndDeleted() throws IOException {
        assertTrue(client.listSecrets(null).isEmpty(), "a new home has no secrets");

        char[] typed = unique("global-").toCharArray();
        SecretInfo global = client.setSecret("NPM_TOKEN", typed, null);
        SecretInfo scoped = client.setSecret("NPM_TOKEN", unique("scoped-"), "github.com/org/*");
        SecretInfo other = client.setSecret("API_KEY", unique("other-"), "gitlab.example.com/team/app");

        assertEquals("NPM_TOKEN", global.name());
        assertNull(global.scope());
        assertEquals("global", global.scopeLabel());
        assertNotNull(global.updatedAt());
        assertEquals("github.com/org/*", scoped.scope());
        List<SecretInfo> all = client.listSecrets(null);
        assertEquals(List.of("API_KEY gitlab.example.com/team/app", "NPM_TOKEN global", "NPM_TOKEN github.com/org/*"),
                all.stream().map(s -> s.name() + " " + s.scopeLabel()).toList(), "by name, then the global one first: " + all);
        List<String> reaching = client.listSecrets("https://github.com/org/app.git").stream().map(s -> s.name() + " " + s.scopeLabel()).toList();
        assertEquals(List.of("NPM_TOKEN global", "NPM_TOKEN github.com/org/*"), reaching, "only what reaches that repository");

        // The value went to the sidecar's store (owner-only), and the answer carried none.
        Path store = home.resolve("config/secrets/secrets.json");
        assertTrue(Files.readString(store).contains(new String(typed)), "the store holds the value that was sent");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));

        SecretInfo again = client.setSecret("NPM_TOKEN", unique("changed-"), null);
        assertFalse(again.updatedAt().isBefore(global.updatedAt()), "a new value is a new updatedAt");
        assertEquals(3, client.listSecrets(null).size(), "setting a name again in its scope replaces it");

        assertTrue(client.deleteSecret("NPM_TOKEN", "github.com/org/*"));
        assertFalse(client.deleteSecret("NPM_TOKEN", "github.com/org/*"), "already gone");
        assertTrue(client.deleteSecret("NPM_TOKEN", null));
        assertTrue(client.deleteSecret("API_KEY", "gitlab.example.com/team/app"));
        assertTrue(client.listSecrets(null).isEmpty());
    }

    @Test
    void aSecretValueNeverReachesTheTraceOrTheLog() {
        String value = unique("do-not-log-");
        char[] typed = value.toCharArray();
        client.setSecret("DEPLOY_KEY", typed, "github.com/org/*");
        String refusedValue = unique("refused-") + "\\";
        RpcException refused = assertThrows(RpcException.class, () -> client.setSecret("DEPLOY_KEY", refusedValue, null));
        client.listSecrets(null);

        String logged = everythingLogged();
        assertTrue(trace.stream().anyMatch(line -> line.startsWith("--> ") && line.contains("\"method\":\"secrets/set\"")
                && line.contains("\"name\":\"DEPLOY_KEY\"") && line.contains("\"value\":\"<redacted>\"")), logged);
        assertFalse(logged.contains(value), logged);
        assertFalse(logged.contains(refusedValue.substring(0, refusedValue.length() - 1)), logged);
        assertEquals(ErrorCodes.INVALID_PARAMS, refused.code());
        assertFalse(refused.getMessage().contains(refusedValue.substring(0, refusedValue.length() - 1)), "the error does not quote the value: " + refused.getMessage());
        assertEquals(value, new String(typed), "the caller's array is the caller's to clear");
        Arrays.fill(typed, '\0');
    }

    @Test
    void theCoreRulesAgreeWithWhatTheSidecarAccepts() {
        List<String> names = List.of("GOOD_NAME", "_private", "a1", "1BAD", "BAD-NAME", "with space", "", "PATH", "HOME", "SSH_AUTH_SOCK",
                "GITSPACES_TOKEN", "gitspaces_lower", "N".repeat(SecretRules.MAX_NAME_LENGTH), "N".repeat(SecretRules.MAX_NAME_LENGTH + 1), "ÄNDERUNG");
        for (String name : names) {
            String expected = SecretRules.nameProblem(name);
            String actual = answer(name, "v");
            assertEquals(expected == null, actual == null, "name '" + name + "': core says " + expected + ", the sidecar " + actual);
            if (actual == null) {
                client.deleteSecret(name, null);
            }
        }
        List<String> values = List.of("plain", "", "with\ttab", "two\nlines", "cr\r", "bell\u0007", "del\u007f", "c1\u0085", "ends\\", "mid\\dle",
                "ünïcödé ✓", "x".repeat(SecretRules.MAX_VALUE_LENGTH), "x".repeat(SecretRules.MAX_VALUE_LENGTH + 1));
        for (String value : values) {
            String expected = SecretRules.valueProblem(value.toCharArray());
            String actual = answer("VALUE_CHECK", value);
            String shown = value.length() > 20 ? value.length() + " characters" : "'" + value + "'";
            assertEquals(expected == null, actual == null, "value " + shown + ": core says " + expected + ", the sidecar " + actual);
        }
        assertNotNull(SecretRules.valueProblem(null));
    }

    /** What the sidecar says about a name and value: {@code null} when it stored them, else its InvalidParams message. */
    private String answer(String name, String value) {
        try {
            client.setSecret(name, value, null);
            return null;
        } catch (RpcException e) {
            assertEquals(ErrorCodes.INVALID_PARAMS, e.code(), e.getMessage());
            return e.getMessage();
        }
    }
}
