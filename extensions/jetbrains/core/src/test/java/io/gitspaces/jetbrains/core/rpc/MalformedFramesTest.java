package io.gitspaces.jetbrains.core.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.gitspaces.jetbrains.core.model.InitializeResult;
import io.gitspaces.jetbrains.core.model.ListGitspacesResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A peer that sends garbage: the pending call fails with a clear {@link ProtocolException}, and nothing hangs. */
class MalformedFramesTest {

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("an HTTP status line", "HTTP/1.1 200 OK\r\n\r\n", true, "is not a 'Name: value' line"),
                Arguments.of("log text on stdout", "Starting gitspaces...\nContent-Length: 2\r\n\r\n{}", false, "does not end in CRLF"),
                Arguments.of("a non-numeric length", "Content-Length: abc\r\n\r\n{}", false, "Content-Length 'abc' is not a number"),
                Arguments.of("a negative length", "Content-Length: -5\r\n\r\n", false, "negative Content-Length -5"),
                Arguments.of("no Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", false, "no Content-Length header"),
                Arguments.of("an empty header block", "\r\n{}", false, "empty header block"),
                Arguments.of("a duplicate Content-Length", "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", false, "Content-Length given twice"),
                Arguments.of("a huge length", "Content-Length: 99999999999\r\n\r\n", false, "exceeds the limit"),
                Arguments.of("a foreign charset", "Content-Length: 2\r\nContent-Type: application/json; charset=latin1\r\n\r\n{}", false, "only UTF-8"),
                Arguments.of("a body that is not JSON", "Content-Length: 9\r\n\r\n{not json", false, "not valid JSON"),
                Arguments.of("a body that is not an object", "Content-Length: 7\r\n\r\n[1,2,3]", false, "'[1,2,3]', not a JSON object"),
                Arguments.of("a truncated body", "Content-Length: 100\r\n\r\n{\"jsonrpc\"", true, "got 10 of 100 body bytes"),
                Arguments.of("a truncated header", "Content-Len", true, "ended in the middle of a frame header after 'Content-Len'"),
                Arguments.of("binary bytes", "\u0000\u0001garbage", false, "unexpected byte 0x0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageFailsThePendingCallClearly(String name, String bytes, boolean closeAfter, String expected) throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<ListGitspacesResult> call = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            peer.read();
            peer.raw(bytes.getBytes(StandardCharsets.ISO_8859_1));
            if (closeAfter) {
                peer.closeOutput();
            }
            ProtocolException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(ProtocolException.class, call::await), "the call must not hang on " + name);
            assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
            assertTrue(e.getMessage().contains("gitspaces sidecar"), "the message names the sidecar: " + e.getMessage());
            // The connection is dead, and says why, to later calls too.
            assertEquals(e, peer.client.closed().get(5, TimeUnit.SECONDS));
            assertFalse(peer.client.isOpen());
            RpcCall<ListGitspacesResult> later = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            assertEquals(e, assertThrows(ProtocolException.class, () -> later.await(Duration.ofSeconds(1))));
            assertEquals(0, peer.client.pendingCount());
        }
    }

    @Test
    void everyPendingCallFailsNotJustTheLatest() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<ListGitspacesResult> a = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            RpcCall<ListGitspacesResult> b = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            peer.read();
            peer.read();
            peer.raw("garbage without a colon\r\n\r\n");
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThrows(ProtocolException.class, a::await);
                assertThrows(ProtocolException.class, b::await);
            });
        }
    }

    @Test
    void aResponseWithNeitherResultNorErrorFailsOnlyThatCall() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<ListGitspacesResult> call = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            JsonObject req = peer.read();
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + "}");
            ProtocolException e = assertThrows(ProtocolException.class, () -> call.await(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("neither result nor error"), e.getMessage());
            // The framing is intact, so the connection goes on.
            assertTrue(peer.client.isOpen());
            RpcCall<ListGitspacesResult> next = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            JsonObject req2 = peer.read();
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + req2.get("id") + ",\"result\":{\"gitspaces\":[]}}");
            assertEquals(0, next.await(Duration.ofSeconds(5)).gitspaces().size());
        }
    }

    @Test
    void aResultOfTheWrongShapeIsAProtocolError() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<InitializeResult> call = peer.client.request("initialize", null, InitializeResult.class, RequestOptions.NONE);
            JsonObject req = peer.read();
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":42}");
            ProtocolException e = assertThrows(ProtocolException.class, () -> call.await(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith("cannot read the result of initialize"), e.getMessage());
        }
    }

    @Test
    void aMalformedErrorObjectIsAProtocolError() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<InitializeResult> call = peer.client.request("initialize", null, InitializeResult.class, RequestOptions.NONE);
            JsonObject req = peer.read();
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"error\":\"boom\"}");
            ProtocolException e = assertThrows(ProtocolException.class, () -> call.await(Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("malformed error 'boom'") || e.getMessage().contains("malformed error '\"boom\"'"), e.getMessage());
        }
    }

    @Test
    void theEndOfThePeersOutputFailsPendingCallsWithTheSuppliedReason() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.client.start();
            RpcCall<ListGitspacesResult> call = peer.client.request("gitspaces/list", null, ListGitspacesResult.class, RequestOptions.NONE);
            peer.read();
            peer.closeOutput();
            GitspacesException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(GitspacesException.class, call::await));
            assertInstanceOf(ConnectionClosedException.class, e);
            assertEquals("the fake peer went away", e.getMessage());
        }
    }
}
