package io.gitspaces.jetbrains.core.model;

/**
 * Parameters of {@code gitspaces/create-options}.
 *
 * @param provider the provider whose options to read
 */
public record CreateOptionsParams(String provider) {
}
