package io.gitspaces.jetbrains.core.rpc;

/**
 * The peer broke the wire protocol: a malformed header, a missing or invalid {@code Content-Length}, a body that
 * is not a JSON object, a truncated frame, or a response the client cannot read. The connection is closed and
 * every pending call fails with this exception.
 */
public class ProtocolException extends GitspacesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong with the peer's output
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong with the peer's output
     * @param cause the parser's failure
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
