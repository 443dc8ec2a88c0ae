package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code providers/list}.
 *
 * @param providers the providers
 */
public record ListProvidersResult(List<ProviderInfo> providers) {
}
