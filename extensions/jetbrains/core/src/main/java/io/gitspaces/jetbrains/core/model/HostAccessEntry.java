package io.gitspaces.jetbrains.core.model;

/**
 * One way a repository's configuration asks to reach the machine its gitspace runs on.
 *
 * @param kind {@code hostCommand}, {@code hostMount} or {@code privilege}
 * @param property where the configuration asks for it, as a JSON path
 * @param detail what exactly is asked for, for a person
 */
public record HostAccessEntry(String kind, String property, String detail) {
}
