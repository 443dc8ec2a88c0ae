namespace Gitspaces.Protocol;

/// <summary>
/// A dotfiles repository to install in a gitspace, named as VS Code's Dev Containers settings name it
/// (<c>dotfiles.repository</c>, <c>dotfiles.targetPath</c>, <c>dotfiles.installCommand</c>).
/// </summary>
public sealed record DotfilesSource
{
    /// <summary>Gets the repository: a clone URL, <c>owner/name</c> (GitHub), or a local path.</summary>
    public required string Repository { get; init; }

    /// <summary>Gets where it goes in the gitspace; <c>~/dotfiles</c> when absent.</summary>
    public string? TargetPath { get; init; }

    /// <summary>
    /// Gets the command that installs it, relative to the target path; when absent the first of <c>install.sh</c>,
    /// <c>install</c>, <c>bootstrap.sh</c>, <c>bootstrap</c>, <c>script/bootstrap</c>, <c>setup.sh</c>, <c>setup</c> and
    /// <c>script/setup</c> that exists, else every top-level file is linked into the home folder.
    /// </summary>
    public string? InstallCommand { get; init; }
}
