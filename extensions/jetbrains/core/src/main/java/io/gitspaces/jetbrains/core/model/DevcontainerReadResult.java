package io.gitspaces.jetbrains.core.model;

import java.util.List;

import com.google.gson.JsonElement;

/**
 * Result of {@code devcontainer/read}.
 *
 * @param configuration the resolved configuration, when it could be read
 * @param workspace where the workspace lives in the container
 * @param configFilePath the file read
 * @param diagnostics problems found
 * @param candidates every configuration file found
 */
public record DevcontainerReadResult(JsonElement configuration, WorkspaceInfo workspace, String configFilePath, List<Diagnostic> diagnostics, List<String> candidates) {
}
