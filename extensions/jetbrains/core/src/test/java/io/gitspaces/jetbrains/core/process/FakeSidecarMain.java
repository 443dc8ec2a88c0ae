package io.gitspaces.jetbrains.core.process;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gitspaces.jetbrains.core.rpc.FrameReader;
import io.gitspaces.jetbrains.core.rpc.FrameWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A misbehaving stand-in for {@code gitspaces serve}, run as a real child process by the tests. Modes:
 * {@code garbage} answers initialize with bytes that are not a frame; {@code exit} dies with code 3 after
 * writing to stderr; {@code hang} never answers; {@code flaky} answers initialize, then dies with code 7 on the
 * next request.
 */
public final class FakeSidecarMain {
    private FakeSidecarMain() {
    }

    /**
     * Runs the fake.
     *
     * @param args the mode
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        FrameReader in = new FrameReader(System.in, FrameReader.DEFAULT_MAX_BODY);
        FrameWriter out = new FrameWriter(System.out);
        switch (args[0]) {
            case "garbage" -> {
                in.readFrame();
                System.out.write("Unhandled exception. System.IO.IOException: boom\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                System.out.flush();
                Thread.sleep(60_000);
            }
            case "exit" -> {
                in.readFrame();
                System.err.println("fatal: cannot open the state database");
                System.err.flush();
                System.exit(3);
            }
            case "hang" -> {
                while (in.readFrame() != null) {
                    // never answer
                }
                Thread.sleep(60_000);
            }
            case "flaky" -> {
                while (true) {
                    byte[] frame = in.readFrame();
                    if (frame == null) {
                        System.exit(0);
                    }
                    JsonObject msg = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8)).getAsJsonObject();
                    if (!msg.has("id")) {
                        continue;
                    }
                    if (msg.get("method").getAsString().equals("initialize")) {
                        reply(out, msg, "{\"serverInfo\":{\"name\":\"fake\",\"version\":\"0\"},\"protocolVersion\":\"1.0\","
                                + "\"capabilities\":{\"providers\":[],\"ides\":[],\"methods\":[]}}");
                    } else {
                        System.err.println("fake sidecar: dying on " + msg.get("method").getAsString());
                        System.err.flush();
                        System.exit(7);
                    }
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void reply(FrameWriter out, JsonObject req, String result) throws IOException {
        out.write("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":" + result + "}");
    }
}
