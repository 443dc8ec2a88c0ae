package io.gitspaces.jetbrains.core.model;

/**
 * A dotfiles repository to install in a gitspace ({@code dotfiles} of {@code gitspaces/create}), named as VS Code's
 * Dev Containers settings name it ({@code dotfiles.repository}, {@code dotfiles.targetPath},
 * {@code dotfiles.installCommand}).
 *
 * @param repository a clone URL, {@code owner/name} (GitHub), or a local path; empty turns the user's
 *     {@code dotfiles.*} settings off for this gitspace
 * @param targetPath where it goes in the gitspace; {@code ~/dotfiles} when {@code null}
 * @param installCommand the command that installs it, relative to the target path; when {@code null} the first of
 *     {@code install.sh}, {@code bootstrap.sh}, {@code setup.sh} … that exists, else its dot-files are linked into home
 */
public record DotfilesSource(String repository, String targetPath, String installCommand) {

    /**
     * What a create form's three fields ask for: {@code null} (the user's settings apply) when the repository field
     * is blank, else the repository with the other two fields where they are not blank.
     *
     * @param repository the repository field
     * @param targetPath the target path field
     * @param installCommand the install command field
     * @return the source, or {@code null} to leave it to the sidecar's settings
     */
    public static DotfilesSource fromFields(String repository, String targetPath, String installCommand) {
        String r = blankToNull(repository);
        if (r == null) {
            return null;
        }
        return new DotfilesSource(r, blankToNull(targetPath), blankToNull(installCommand));
    }

    /**
     * No dotfiles for this gitspace, whatever the user's settings say ({@code {"repository":""}}).
     *
     * @return the source that turns them off
     */
    public static DotfilesSource none() {
        return new DotfilesSource("", null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
