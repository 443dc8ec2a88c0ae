package io.gitspaces.jetbrains.core.model;

/**
 * A machine a hosted gitspace can run on.
 *
 * @param infraProvider the infrastructure ({@link ResourceSpec#infraProvider()})
 * @param infraProviderName its display name
 * @param hosting {@code hosted} or {@code self-hosted}
 * @param machineType the machine type ({@link ResourceSpec#machineType()})
 * @param name its display name
 * @param region the region ({@link ResourceSpec#region()})
 * @param regionName the region's display name
 * @param cpu the CPU count, as given
 * @param memory the memory size, as given
 * @param disk the disk size, as given
 * @param autoStopMinutes after how many idle minutes it stops, or {@code null}
 */
public record MachineOption(String infraProvider, String infraProviderName, String hosting, String machineType, String name, String region, String regionName, String cpu, String memory, String disk, Integer autoStopMinutes) {
}
