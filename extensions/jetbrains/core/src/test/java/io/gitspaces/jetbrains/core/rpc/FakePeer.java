package io.gitspaces.jetbrains.core.rpc;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gitspaces.jetbrains.core.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An in-process peer for a {@link JsonRpcConnection}: a loopback socket pair, so the test plays the server and
 * can send anything, including garbage.
 */
final class FakePeer implements AutoCloseable {
    final JsonRpcConnection client;
    private final Socket clientSocket;
    private final Socket peerSocket;
    private final FrameReader peerReader;
    private final OutputStream peerOut;

    FakePeer() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            clientSocket = new Socket(loopback, server.getLocalPort());
            peerSocket = server.accept();
        }
        peerReader = new FrameReader(peerSocket.getInputStream(), FrameReader.DEFAULT_MAX_BODY);
        peerOut = peerSocket.getOutputStream();
        client = new JsonRpcConnection(clientSocket.getInputStream(), clientSocket.getOutputStream(), Json.gson(),
                e -> new ConnectionClosedException("the fake peer went away", e));
    }

    /** Reads the next message the client sent. */
    JsonObject read() throws IOException {
        byte[] body = peerReader.readFrame();
        if (body == null) {
            throw new IOException("the client closed its output");
        }
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Reads messages until one with the given method arrives. */
    JsonObject readUntil(String method) throws IOException {
        while (true) {
            JsonObject m = read();
            if (m.has("method") && m.get("method").getAsString().equals(method)) {
                return m;
            }
        }
    }

    /** Sends a framed message. */
    void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        raw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        raw(body);
    }

    /** Sends raw bytes, framing or not. */
    void raw(byte[] bytes) throws IOException {
        peerOut.write(bytes);
        peerOut.flush();
    }

    /** Sends a raw string as UTF-8. */
    void raw(String text) throws IOException {
        raw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the peer's output (the client sees end of stream). */
    void closeOutput() throws IOException {
        peerSocket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        client.close();
        peerSocket.close();
        clientSocket.close();
    }
}
