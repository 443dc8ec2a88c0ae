package io.gitspaces.jetbrains.core.rpc;

import java.time.Duration;

/**
 * Per-request options.
 *
 * @param timeout how long to wait for the response; {@code null} waits until cancelled or the connection ends
 * @param progress receives {@code $/progress} for the request; when set, a {@code workDoneToken} is added to the params
 */
public record RequestOptions(Duration timeout, ProgressListener progress) {
    /** No timeout, no progress. */
    public static final RequestOptions NONE = new RequestOptions(null, null);

    /**
     * Options with a timeout only.
     *
     * @param timeout the timeout
     * @return the options
     */
    public static RequestOptions timeout(Duration timeout) {
        return new RequestOptions(timeout, null);
    }
}
