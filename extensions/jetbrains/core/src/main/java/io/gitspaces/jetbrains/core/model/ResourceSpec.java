package io.gitspaces.jetbrains.core.model;

/**
 * Where a hosted gitspace runs (Harness); ignored by Docker.
 *
 * @param infraProvider the infrastructure provider identifier
 * @param machineType the machine type
 * @param region the region
 */
public record ResourceSpec(String infraProvider, String machineType, String region) {
}
