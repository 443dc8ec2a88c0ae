package io.gitspaces.jetbrains.core.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.gitspaces.jetbrains.core.model.ConfigureProviderParams;
import io.gitspaces.jetbrains.core.model.ConfigureProviderResult;
import io.gitspaces.jetbrains.core.model.DidChangeParams;
import io.gitspaces.jetbrains.core.model.ErrorCodes;
import io.gitspaces.jetbrains.core.model.GitspaceState;
import io.gitspaces.jetbrains.core.model.ListGitspacesResult;
import io.gitspaces.jetbrains.core.model.StopGitspaceParams;
import io.gitspaces.jetbrains.core.model.StopGitspaceResult;
import io.gitspaces.jetbrains.core.model.WorkDoneProgress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import io.gitspaces.jetbrains.core.TestSupport;

/** The JSON-RPC layer against an in-process peer that plays the server. */
class JsonRpcConnectionTest {
    private static final String GITSPACE = "{\"id\":\"g1\",\"name\":\"g1\",\"provider\":\"docker\",\"repository\":{\"url\":\"/r\"},"
            + "\"ide\":\"intellij\",\"state\":\"stopping\",\"createdAt\":\"2026-01-02T03:04:05.1234567+00:00\","
            + "\"updatedAt\":\"2026-01-02T03:04:06+02:00\"}";

    @Test
    void requestsCarryIdsAndNamedParamsAndResultsAreTyped() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<StopGitspaceResult> call = peer.client.request("gitspaces/stop", new StopGitspaceParams("g1", null),
                    StopGitspaceResult.class, RequestOptions.NONE);
            JsonObject req = peer.read();
            assertEquals("2.0", req.get("jsonrpc").getAsString());
            assertEquals(call.id(), req.get("id").getAsLong());
            assertEquals("gitspaces/stop", req.get("method").getAsString());
            assertEquals("{\"id\":\"g1\"}", req.get("params").toString(), "named params, nulls omitted");
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + call.id() + ",\"result\":{\"gitspace\":" + GITSPACE + "}}");
            StopGitspaceResult r = call.await(Duration.ofSeconds(5));
            assertEquals(GitspaceState.STOPPING, r.gitspace().state());
            assertEquals("2026-01-02T03:04:05.123456700Z", r.gitspace().createdAt().toString());
            assertEquals("2026-01-02T01:04:06Z", r.gitspace().updatedAt().toString());
            RpcCall<ListGitspacesResult> second = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            assertTrue(second.id() > call.id(), "ids grow");
            assertEquals("{}", peer.read().get("params").toString(), "no params means an empty object");
        }
    }

    @Test
    void progressIsRoutedByTokenAndNotificationsArriveBeforeTheResponse() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            List<String> seen = TestSupport.syncList();
            peer.client.onNotification("gitspaces/didChange", DidChangeParams.class,
                    (DidChangeParams d) -> seen.add("didChange " + d.gitspace().state()));
            peer.client.start();
            ProgressListener listener = (WorkDoneProgress p) -> seen.add("progress " + p.kind() + " " + p.message() + " " + p.percentage());
            RpcCall<StopGitspaceResult> call = peer.client.request("gitspaces/stop", new StopGitspaceParams("g1", null),
                    StopGitspaceResult.class, new RequestOptions(null, listener));
            call.future().thenRun(() -> seen.add("response"));
            JsonObject req = peer.read();
            String token = req.getAsJsonObject("params").get("workDoneToken").getAsString();
            assertFalse(token.isBlank());
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":\"" + token + "\",\"value\":{\"kind\":\"begin\",\"title\":\"Stopping\",\"cancellable\":true}}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":\"someone-else\",\"value\":{\"kind\":\"report\",\"message\":\"not ours\"}}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":\"" + token + "\",\"value\":{\"kind\":\"report\",\"message\":\"stopping container\",\"percentage\":50}}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"gitspaces/didChange\",\"params\":{\"gitspace\":" + GITSPACE + "}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"$/progress\",\"params\":{\"token\":\"" + token + "\",\"value\":{\"kind\":\"end\"}}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + call.id() + ",\"result\":{\"gitspace\":" + GITSPACE + "}}");
            call.await(Duration.ofSeconds(5));
            TestSupport.waitUntil(Duration.ofSeconds(5), "the response callback", () -> seen.contains("response"));
            assertEquals(List.of("progress begin null null", "progress report stopping container 50", "didChange STOPPING",
                    "progress end null null", "response"), seen);
        }
    }

    @Test
    void cancelSendsCancelRequestAndTheServersAnswerCompletesTheCall() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<StopGitspaceResult> call = peer.client.request("gitspaces/stop", new StopGitspaceParams("g1", null),
                    StopGitspaceResult.class, RequestOptions.NONE);
            peer.read();
            call.cancel();
            JsonObject cancel = peer.readUntil("$/cancelRequest");
            assertFalse(cancel.has("id"), "$/cancelRequest is a notification");
            assertEquals(call.id(), cancel.getAsJsonObject("params").get("id").getAsLong());
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + call.id() + ",\"error\":{\"code\":-32800,\"message\":\"cancelled\",\"data\":{\"kind\":\"RequestCancelled\"}}}");
            RpcException e = assertThrows(RpcException.class, () -> call.await(Duration.ofSeconds(5)));
            assertTrue(e.isCancelled());
            assertEquals("RequestCancelled", e.kind());
            call.cancel(); // no-op once done
        }
    }

    @Test
    void aTimeoutFailsTheCallAndCancelsItOnTheServer() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<ListGitspacesResult> call = peer.client.request("gitspaces/list", null, ListGitspacesResult.class,
                    RequestOptions.timeout(Duration.ofMillis(200)));
            peer.read();
            RpcTimeoutException e = assertThrows(RpcTimeoutException.class, () -> call.await(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("gitspaces/list got no answer from the gitspaces sidecar within 200 ms"), e.getMessage());
            assertEquals(call.id(), peer.readUntil("$/cancelRequest").getAsJsonObject("params").get("id").getAsLong());
            // A late answer is ignored, and the connection goes on.
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + call.id() + ",\"result\":{\"gitspaces\":[]}}");
            assertTrue(peer.client.isOpen());
            assertEquals(0, peer.client.pendingCount());
        }
    }

    @Test
    void errorsCarryCodeKindAndData() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<StopGitspaceResult> call = peer.client.request("gitspaces/stop", new StopGitspaceParams("g1", null),
                    StopGitspaceResult.class, RequestOptions.NONE);
            peer.read();
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + call.id() + ",\"error\":{\"code\":1002,\"message\":\"g1 is busy starting\","
                    + "\"data\":{\"kind\":\"GitspaceBusy\",\"gitspaceId\":\"g1\",\"state\":\"starting\",\"hint\":\"Wait for the start to finish.\","
                    + "\"log\":[\"a\",\"b\"],\"diagnostics\":[{\"file\":\"f\",\"line\":1,\"column\":2,\"severity\":\"error\",\"message\":\"m\"}]}}}");
            RpcException e = assertThrows(RpcException.class, () -> call.await(Duration.ofSeconds(5)));
            assertEquals(ErrorCodes.GITSPACE_BUSY, e.code());
            assertEquals("GitspaceBusy", e.kind());
            assertEquals("g1", e.data().gitspaceId());
            assertEquals(List.of("a", "b"), e.data().log());
            assertEquals(2, e.data().diagnostics().get(0).column());
            assertEquals("gitspaces/stop failed: g1 is busy starting (GitspaceBusy 1002). Wait for the start to finish.", e.getMessage());
        }
    }

    @Test
    void requestsFromTheServerAreAnsweredWithMethodNotFound() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"method\":\"window/workDoneProgress/create\",\"params\":{\"token\":\"x\"}}");
            JsonObject reply = peer.read();
            assertEquals("srv-1", reply.get("id").getAsString());
            assertEquals(ErrorCodes.METHOD_NOT_FOUND, reply.getAsJsonObject("error").get("code").getAsInt());
        }
    }

    @Test
    void aFailingListenerDoesNotStopDispatch() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            List<String> problems = TestSupport.syncList();
            List<String> seen = TestSupport.syncList();
            peer.client.setProblemListener((m, t) -> problems.add(m));
            peer.client.onNotification("gitspaces/didChange", DidChangeParams.class, (DidChangeParams d) -> {
                throw new IllegalStateException("listener bug");
            });
            peer.client.onNotification("gitspaces/didChange", DidChangeParams.class, (DidChangeParams d) -> seen.add(d.gitspace().id()));
            peer.client.start();
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"gitspaces/didChange\",\"params\":{\"gitspace\":" + GITSPACE + "}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":777,\"result\":{}}");
            TestSupport.waitUntil(Duration.ofSeconds(5), "dispatch", () -> problems.size() >= 2);
            assertEquals(List.of("g1"), seen);
            assertTrue(problems.contains("a listener for gitspaces/didChange failed"), problems.toString());
            assertTrue(problems.contains("ignored a response to an unknown request id 777"), problems.toString());
            assertTrue(peer.client.isOpen());
        }
    }

    @Test
    void tracesRedactSecrets() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            List<String> trace = TestSupport.syncList();
            peer.client.setTrace(trace::add);
            peer.client.start();
            RpcCall<ConfigureProviderResult> call = peer.client.request("providers/configure",
                    new ConfigureProviderParams("harness", "https://cde.example.invalid", "acc", null, null, null, "s3cr3t-pat", null),
                    ConfigureProviderResult.class, RequestOptions.NONE);
            JsonObject req = peer.read();
            assertEquals("s3cr3t-pat", req.getAsJsonObject("params").get("token").getAsString(), "the server gets the token");
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + call.id() + ",\"result\":{\"provider\":{\"id\":\"harness\",\"displayName\":\"Harness\",\"kind\":\"harness\",\"configured\":true,\"reachable\":true}}}");
            assertTrue(call.await(Duration.ofSeconds(5)).provider().configured());
            TestSupport.waitUntil(Duration.ofSeconds(5), "the trace", () -> trace.size() >= 2);
            String all = String.join("\n", trace);
            assertFalse(all.contains("s3cr3t-pat"), all);
            assertTrue(all.contains("\"token\":\"<redacted>\""), all);
            assertTrue(trace.get(0).startsWith("--> ") && trace.get(1).startsWith("<-- "), all);
            assertFalse(new ConfigureProviderParams("h", null, null, null, null, null, "s3cr3t-pat", null).toString().contains("s3cr3t"));
        }
    }

    @Test
    void closingFailsPendingCallsAndRefusesNewOnes() throws Exception {
        FakePeer peer = new FakePeer();
        peer.client.start();
        RpcCall<ListGitspacesResult> call = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
        peer.read();
        peer.close();
        ConnectionClosedException e = assertThrows(ConnectionClosedException.class, () -> call.await(Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("closed by the client"), e.getMessage());
        assertNotNull(peer.client.closed().get(5, TimeUnit.SECONDS));
        assertThrows(ConnectionClosedException.class, () -> peer.client.notify("initialized", null));
    }
}
