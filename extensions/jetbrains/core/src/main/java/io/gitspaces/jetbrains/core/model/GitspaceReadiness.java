package io.gitspaces.jetbrains.core.model;

import com.google.gson.annotations.SerializedName;

/** Whether a running gitspace finished its setup. */
public enum GitspaceReadiness {
    /** Lifecycle commands are still running. */
    @SerializedName("setting_up") SETTING_UP,
    /** Ready for an editor. */
    @SerializedName("ready") READY,
    /** Setup failed although the container runs. */
    @SerializedName("start_error") START_ERROR
}
