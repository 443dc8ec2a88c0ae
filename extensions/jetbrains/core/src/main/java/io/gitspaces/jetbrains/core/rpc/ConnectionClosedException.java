package io.gitspaces.jetbrains.core.rpc;

/** The connection is closed (by the client, or because the peer went away); calls on it fail with this. */
public class ConnectionClosedException extends GitspacesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the connection is closed
     */
    public ConnectionClosedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message why the connection is closed
     * @param cause the I/O failure, if any
     */
    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
