package io.gitspaces.jetbrains.core.model;

/**
 * The client's name and version, sent in {@code initialize}.
 *
 * @param name the client name
 * @param version the client version
 */
public record ClientInfo(String name, String version) {
}
