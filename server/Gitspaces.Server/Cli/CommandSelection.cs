namespace Gitspaces.Server.Cli;

/// <summary>
/// Which top-level commands to build: the one the command line names, or every one. Each command a process builds
/// and does not run is start-up time (its options, descriptions and actions); help, a typo's suggestions and an
/// empty command line need the whole tree, which they get.
/// </summary>
/// <param name="Only">The name the command line starts with, or <see langword="null"/> for every command.</param>
internal readonly record struct CommandSelection(string? Only)
{
    /// <summary>Gets the selection of every command.</summary>
    public static CommandSelection All => new(null);

    /// <summary>Returns the selection for a command line: its first word when that is not an option.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The selection.</returns>
    public static CommandSelection For(string[] args) =>
        args.Length > 0 && args[0].Length > 0 && !args[0].StartsWith('-') ? new(args[0]) : All;

    /// <summary>Returns whether a command with these names (its name and aliases) is wanted.</summary>
    /// <param name="names">The command's name and aliases.</param>
    /// <returns>Whether to build it.</returns>
    public bool Wants(params string[] names) => this.Only is null || Array.IndexOf(names, this.Only) >= 0;
}
