package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * A provider and whether it is configured and reachable.
 *
 * @param id the provider id
 * @param displayName the name to show
 * @param kind the provider kind
 * @param configured whether it is configured
 * @param reachable whether it answered
 * @param endpoint its endpoint, if any
 * @param version its version, if known
 * @param message why it is not reachable, if it is not
 * @param capabilities what it can do beyond the common operations ({@code sshChannel}, {@code portChannel},
 *     {@code providerHistory}, {@code backgroundWork}); unknown values are to be ignored; may be null
 */
public record ProviderInfo(
        String id,
        String displayName,
        String kind,
        boolean configured,
        boolean reachable,
        String endpoint,
        String version,
        String message,
        List<String> capabilities) {
}
