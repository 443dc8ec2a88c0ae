package io.gitspaces.jetbrains.core.model;

/**
 * A provider that could not be listed.
 *
 * @param provider the provider id
 * @param code the error code (see {@link ErrorCodes})
 * @param message why
 */
public record ProviderProblem(String provider, int code, String message) {
}
