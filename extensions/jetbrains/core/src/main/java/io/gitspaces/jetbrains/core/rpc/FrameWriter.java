package io.gitspaces.jetbrains.core.rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes LSP base-protocol frames. Thread-safe: each frame is written whole. */
public final class FrameWriter {
    private final OutputStream out;

    /**
     * Creates a writer.
     *
     * @param out the stream to write (the peer's stdin)
     */
    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes one frame and flushes.
     *
     * @param json the message
     * @throws IOException when writing fails (for example the peer exited)
     */
    public synchronized void write(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        out.write(header);
        out.write(body);
        out.flush();
    }

    /**
     * Closes the stream, which tells the peer no more input comes.
     *
     * @throws IOException when closing fails
     */
    public synchronized void close() throws IOException {
        out.close();
    }
}
