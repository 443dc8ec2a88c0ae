package io.gitspaces.jetbrains.core.model;

/**
 * Result of {@code providers/configure}.
 *
 * @param provider the provider as now configured
 */
public record ConfigureProviderResult(ProviderInfo provider) {
}
