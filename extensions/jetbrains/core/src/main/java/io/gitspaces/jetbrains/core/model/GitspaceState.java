package io.gitspaces.jetbrains.core.model;

import com.google.gson.annotations.SerializedName;

/** The lifecycle state of a gitspace (the wire strings are lower case). */
public enum GitspaceState {
    /** Created as a record but never started. */
    @SerializedName("uninitialized") UNINITIALIZED,
    /** Being provisioned or started. */
    @SerializedName("starting") STARTING,
    /** Running; see {@link Gitspace#readiness()} for whether setup finished. */
    @SerializedName("running") RUNNING,
    /** Being stopped. */
    @SerializedName("stopping") STOPPING,
    /** Stopped; files are kept. */
    @SerializedName("stopped") STOPPED,
    /** Being deleted. */
    @SerializedName("cleaning") CLEANING,
    /** The last operation failed; see {@link Gitspace#errorMessage()}. */
    @SerializedName("error") ERROR,
    /** Deleted; sent once in a {@code gitspaces/didChange} notification. */
    @SerializedName("deleted") DELETED;

    /**
     * Tells whether an operation is in flight in this state.
     *
     * @return {@code true} for starting, stopping and cleaning
     */
    public boolean isTransient() {
        return this == STARTING || this == STOPPING || this == CLEANING;
    }
}
