package io.gitspaces.jetbrains.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitspaces.jetbrains.core.TestSupport;
import io.gitspaces.jetbrains.core.client.GitspacesClient;
import io.gitspaces.jetbrains.core.model.ClientCapabilities;
import io.gitspaces.jetbrains.core.model.ClientInfo;
import io.gitspaces.jetbrains.core.model.ConfigureProviderParams;
import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.ExitParams;
import io.gitspaces.jetbrains.core.model.GetGitspaceResult;
import io.gitspaces.jetbrains.core.model.InitializeParams;
import io.gitspaces.jetbrains.core.model.InitializeResult;
import io.gitspaces.jetbrains.core.model.InitializedParams;
import io.gitspaces.jetbrains.core.model.Json;
import io.gitspaces.jetbrains.core.model.ListGitspacesResult;
import io.gitspaces.jetbrains.core.model.Methods;
import io.gitspaces.jetbrains.core.model.ProtocolCatalog;
import io.gitspaces.jetbrains.core.model.ProtocolInfo;
import io.gitspaces.jetbrains.core.model.ShutdownParams;
import io.gitspaces.jetbrains.core.model.ShutdownResult;
import io.gitspaces.jetbrains.core.process.SidecarProcess;
import io.gitspaces.jetbrains.core.rpc.GitspacesException;
import io.gitspaces.jetbrains.core.rpc.JsonRpcConnection;
import io.gitspaces.jetbrains.core.rpc.RequestOptions;
import io.gitspaces.jetbrains.core.rpc.RpcException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LSP-style lifecycle of the real {@code gitspaces serve}: handshake, errors, shutdown and exit codes. */
class SidecarLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Path home = TestSupport.tempDir("gitspaces-jb-home-");
    private final List<String> log = TestSupport.syncList();
    private SidecarProcess raw;
    private JsonRpcConnection rawConnection;

    @AfterEach
    void cleanUp() {
        if (rawConnection != null) {
            rawConnection.close();
        }
        if (raw != null) {
            raw.kill(Duration.ofSeconds(2));
        }
    }

    /** A sidecar driven by hand, without the client's automatic handshake. */
    private JsonRpcConnection rawSidecar() {
        raw = SidecarProcess.start(TestSupport.sidecar(), List.of("serve"), Map.of("GITSPACES_HOME", home.toString()), null, log::add);
        rawConnection = new JsonRpcConnection(raw.stdout(), raw.stdin(), Json.gson(), raw::crashed).start();
        return rawConnection;
    }

    private static InitializeResult initialize(JsonRpcConnection c) {
        InitializeResult r = c.<InitializeResult>request(Methods.INITIALIZE,
                new InitializeParams((int) ProcessHandle.current().pid(), new ClientInfo("raw-test", "0"), new ClientCapabilities(true)),
                InitializeResult.class, RequestOptions.timeout(WAIT)).await();
        c.notify(Methods.INITIALIZED, new InitializedParams());
        return r;
    }

    @Test
    void handshakeThenShutdownAndExitEndsWithCodeZero() {
        GitspacesClient client = new GitspacesClient(TestSupport.sidecarOptions(home, log).build());
        InitializeResult info = client.start();
        assertFalse(info.serverInfo().name().isBlank());
        assertFalse(info.serverInfo().version().isBlank());
        assertTrue(ProtocolInfo.isCompatible(info.protocolVersion()), "protocol " + info.protocolVersion());
        for (ProtocolCatalog.Entry e : ProtocolCatalog.ALL) {
            if (!e.notification() && e.direction().equals(ProtocolCatalog.TO_SERVER)) {
                assertTrue(info.capabilities().methods().contains(e.name()), "capabilities.methods lists " + e.name() + ": " + info.capabilities().methods());
            }
        }
        assertTrue(info.capabilities().ides().contains("intellij"), info.capabilities().ides().toString());
        assertTrue(info.capabilities().providers().contains("docker"), info.capabilities().providers().toString());
        assertTrue(client.isRunning());
        assertEquals(0, client.shutdown(WAIT));
        assertFalse(client.isRunning());
        assertTrue(log.stream().noneMatch(l -> l.startsWith("Content-Length")), "nothing of the protocol leaks to stderr");
    }

    @Test
    void exitWithoutShutdownEndsWithCodeOne() {
        JsonRpcConnection c = rawSidecar();
        initialize(c);
        c.notify(Methods.EXIT, new ExitParams());
        assertEquals(1, raw.waitFor(WAIT), "exit code after exit without shutdown");
    }

    @Test
    void requestsBeforeInitializeAreRejected() {
        JsonRpcConnection c = rawSidecar();
        RpcException e = assertThrows(RpcException.class,
                () -> c.request(Methods.GITSPACES_LIST, null, ListGitspacesResult.class, RequestOptions.timeout(WAIT)).await());
        assertEquals(ErrorCodes.SERVER_NOT_INITIALIZED, e.code());
        assertEquals("ServerNotInitialized", e.kind());
        assertNotNull(initialize(c).serverInfo(), "initialize still works afterwards");
    }

    @Test
    void unknownMethodsAndBadParamsAreTypedErrors() {
        JsonRpcConnection c = rawSidecar();
        initialize(c);
        RpcException unknown = assertThrows(RpcException.class,
                () -> c.request("gitspaces/teleport", null, ListGitspacesResult.class, RequestOptions.timeout(WAIT)).await());
        assertEquals(ErrorCodes.METHOD_NOT_FOUND, unknown.code());
        assertTrue(unknown.getMessage().contains("gitspaces/teleport"), unknown.getMessage());
        RpcException bad = assertThrows(RpcException.class,
                () -> c.request(Methods.GITSPACES_GET, Map.of("id", 42), GetGitspaceResult.class, RequestOptions.timeout(WAIT)).await());
        assertEquals(ErrorCodes.INVALID_PARAMS, bad.code(), bad.getMessage());
        assertEquals("InvalidParams", bad.kind());
    }

    @Test
    void afterShutdownOnlyExitIsAccepted() {
        JsonRpcConnection c = rawSidecar();
        initialize(c);
        c.request(Methods.SHUTDOWN, new ShutdownParams(), ShutdownResult.class, RequestOptions.timeout(WAIT)).await();
        RpcException e = assertThrows(RpcException.class,
                () -> c.request(Methods.GITSPACES_LIST, null, ListGitspacesResult.class, RequestOptions.timeout(WAIT)).await());
        assertEquals(ErrorCodes.INVALID_REQUEST, e.code());
        c.notify(Methods.EXIT, new ExitParams());
        assertEquals(0, raw.waitFor(WAIT));
    }

    @Test
    void theEndOfStdinEndsTheSidecar() {
        JsonRpcConnection c = rawSidecar();
        initialize(c);
        c.closeOutput();
        assertNotNull(raw.waitFor(WAIT), "the sidecar exits when its stdin ends");
    }

    @Test
    void tokensStayOutOfTheSidecarsLog() {
        GitspacesClient client = new GitspacesClient(TestSupport.sidecarOptions(home, log).build());
        client.start();
        String secret = "jb-secret-" + System.nanoTime();
        try {
            client.configureProvider(new ConfigureProviderParams("harness", "http://127.0.0.1:9", "acct", "org", "proj", null, secret, null));
        } catch (GitspacesException expected) {
            // An unreachable control plane may be refused; either way the token must not be logged.
        }
        assertEquals(0, client.shutdown(WAIT));
        assertTrue(log.stream().noneMatch(l -> l.contains(secret)), "the token appeared in the sidecar's stderr");
    }
}
