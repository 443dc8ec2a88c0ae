package io.gitspaces.jetbrains.core.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads LSP base-protocol frames: ASCII header lines ending in CRLF, an empty line, then exactly
 * {@code Content-Length} bytes of UTF-8 JSON. Anything else is a {@link ProtocolException} naming what was wrong,
 * since a byte stream that lost its framing cannot be resynchronised. Not thread-safe: one reader thread.
 */
public final class FrameReader {
    /** The longest header line accepted, in bytes. */
    public static final int MAX_HEADER_LINE = 8 * 1024;
    /** The most header lines accepted in one frame. */
    public static final int MAX_HEADER_LINES = 32;
    /** The default largest body accepted: 64 MiB. */
    public static final int DEFAULT_MAX_BODY = 64 * 1024 * 1024;

    private final InputStream in;
    private final int maxBody;

    /**
     * Creates a reader.
     *
     * @param in the stream to read (the peer's stdout)
     * @param maxBody the largest {@code Content-Length} accepted
     */
    public FrameReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /**
     * Reads the next frame's body.
     *
     * @return the body bytes, or {@code null} when the stream ended cleanly between frames
     * @throws ProtocolException when the peer's output is not a well-formed frame
     * @throws IOException when reading fails
     */
    public byte[] readFrame() throws IOException {
        long contentLength = -1;
        int lines = 0;
        StringBuilder seen = new StringBuilder();
        while (true) {
            String line = readHeaderLine(lines == 0);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (lines == 0) {
                    throw new ProtocolException("malformed frame from the gitspaces sidecar: empty header block (no Content-Length)");
                }
                break;
            }
            if (++lines > MAX_HEADER_LINES) {
                throw new ProtocolException("malformed frame from the gitspaces sidecar: more than " + MAX_HEADER_LINES + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new ProtocolException("malformed frame header from the gitspaces sidecar: " + quote(line)
                        + " is not a 'Name: value' line (is something else writing to its stdout?)");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            seen.append(seen.length() == 0 ? "" : ", ").append(line.substring(0, colon));
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                if (contentLength >= 0) {
                    throw new ProtocolException("malformed frame from the gitspaces sidecar: Content-Length given twice");
                }
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("malformed frame from the gitspaces sidecar: Content-Length " + quote(value) + " is not a number");
                }
                if (contentLength < 0) {
                    throw new ProtocolException("malformed frame from the gitspaces sidecar: negative Content-Length " + contentLength);
                }
                if (contentLength > maxBody) {
                    throw new ProtocolException("frame from the gitspaces sidecar is too large: Content-Length " + contentLength
                            + " exceeds the limit of " + maxBody + " bytes");
                }
            } else if (name.equals("content-type")) {
                String lower = value.toLowerCase(Locale.ROOT);
                int charset = lower.indexOf("charset=");
                if (charset >= 0) {
                    String cs = lower.substring(charset + 8).replace("\"", "").trim();
                    if (!cs.startsWith("utf-8") && !cs.startsWith("utf8")) {
                        throw new ProtocolException("frame from the gitspaces sidecar uses charset " + quote(cs) + "; only UTF-8 is supported");
                    }
                }
            }
        }
        if (contentLength < 0) {
            throw new ProtocolException("malformed frame from the gitspaces sidecar: no Content-Length header (got " + seen + ")");
        }
        byte[] body = in.readNBytes((int) contentLength);
        if (body.length < contentLength) {
            throw new ProtocolException("the gitspaces sidecar's output ended in the middle of a frame: got " + body.length
                    + " of " + contentLength + " body bytes");
        }
        return body;
    }

    private String readHeaderLine(boolean first) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && buf.size() == 0) {
                    return null;
                }
                throw new ProtocolException("the gitspaces sidecar's output ended in the middle of a frame header"
                        + (buf.size() > 0 ? " after " + quote(buf.toString(StandardCharsets.US_ASCII)) : ""));
            }
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new ProtocolException("malformed frame header from the gitspaces sidecar: line "
                            + quote(new String(bytes, StandardCharsets.US_ASCII)) + " does not end in CRLF");
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
            }
            if (b < 0x20 && b != '\r' && b != '\t' || b > 0x7e) {
                buf.write(b);
                throw new ProtocolException("malformed frame header from the gitspaces sidecar: unexpected byte 0x"
                        + Integer.toHexString(b) + " in " + quote(buf.toString(StandardCharsets.ISO_8859_1)));
            }
            buf.write(b);
            if (buf.size() > MAX_HEADER_LINE) {
                throw new ProtocolException("malformed frame header from the gitspaces sidecar: header line longer than "
                        + MAX_HEADER_LINE + " bytes");
            }
        }
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Quotes text for an error message: at most 80 characters, control characters escaped.
     *
     * @param text the text
     * @return the quoted text
     */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(text.length(), 80);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > n) {
            sb.append("…");
        }
        return sb.append('\'').toString();
    }
}
