package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * The {@code data} member of every error the server sends.
 *
 * @param kind the symbolic name of the error code (for example {@code GitspaceBusy})
 * @param gitspaceId the gitspace the error concerns
 * @param provider the provider the error concerns
 * @param field the JSON path of the offending parameter, for invalid params
 * @param state the gitspace's state when it explains the error
 * @param step the step that failed, for operation failures
 * @param hint what the user can do about it
 * @param log the last log lines of the failing step
 * @param diagnostics configuration problems, for an invalid devcontainer.json
 * @param repository the repository, for an untrusted repository
 * @param hostAccess what the configuration asks for that reaches this machine, for an untrusted repository
 */
public record ErrorData(
        String kind,
        String gitspaceId,
        String provider,
        String field,
        String state,
        String step,
        String hint,
        List<String> log,
        List<Diagnostic> diagnostics,
        String repository,
        List<HostAccessEntry> hostAccess) {
}
