package io.gitspaces.jetbrains.core.rpc;

/** Base class of every failure the client reports. Unchecked, so callers can pass it through futures. */
public class GitspacesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in a sentence a user can read
     */
    public GitspacesException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public GitspacesException(String message, Throwable cause) {
        super(message, cause);
    }
}
