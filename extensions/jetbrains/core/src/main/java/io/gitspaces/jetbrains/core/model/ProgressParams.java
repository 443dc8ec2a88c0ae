package io.gitspaces.jetbrains.core.model;

import com.google.gson.JsonElement;

/**
 * Parameters of the {@code $/progress} notification.
 *
 * @param token the {@code workDoneToken} the request carried
 * @param value the report
 */
public record ProgressParams(JsonElement token, WorkDoneProgress value) {
}
