package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/create-options}: what a create or update wizard may offer, as the account allows.
 *
 * @param ides the IDE ids allowed; the first is the default
 * @param machines the machines, with infrastructure, region and size
 * @param repositoryTypes the repository types allowed, or {@code null}
 * @param ssh whether gitspaces are reached over SSH
 * @param sshKeys whether create and update take a registered SSH key
 */
public record CreateOptionsResult(List<String> ides, List<MachineOption> machines, List<String> repositoryTypes, boolean ssh, boolean sshKeys) {
}
