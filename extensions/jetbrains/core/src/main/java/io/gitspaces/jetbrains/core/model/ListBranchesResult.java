package io.gitspaces.jetbrains.core.model;

import java.util.List;

/**
 * Result of {@code gitspaces/list-branches}.
 *
 * @param branches the branch names
 */
public record ListBranchesResult(List<String> branches) {
}
