package io.gitspaces.jetbrains.core.rpc;

import io.gitspaces.jetbrains.core.model.WorkDoneProgress;

/** Receives the {@code $/progress} reports of one request, in order, on the connection's dispatch thread. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Called for each report ({@code begin}, then {@code report}s, then {@code end}).
     *
     * @param progress the report
     */
    void onProgress(WorkDoneProgress progress);
}
