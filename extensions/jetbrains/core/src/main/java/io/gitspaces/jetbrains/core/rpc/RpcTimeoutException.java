package io.gitspaces.jetbrains.core.rpc;

import java.time.Duration;

/** A request got no response within its timeout; the client sent {@code $/cancelRequest} for it. */
public class RpcTimeoutException extends GitspacesException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method the method that timed out
     * @param timeout the timeout it had
     */
    public RpcTimeoutException(String method, Duration timeout) {
        super(method + " got no answer from the gitspaces sidecar within " + timeout.toMillis() + " ms; the request was cancelled");
    }
}
