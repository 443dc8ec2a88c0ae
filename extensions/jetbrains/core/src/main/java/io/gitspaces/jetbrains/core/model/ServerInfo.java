package io.gitspaces.jetbrains.core.model;

/**
 * The server's name and version.
 *
 * @param name the server name
 * @param version the server version
 */
public record ServerInfo(String name, String version) {
}
