using Gitspaces.Protocol;

namespace Gitspaces.Core;

/// <summary>
/// The IDE names people type, taken the same way everywhere (<c>up --ide</c>, <c>open --ide</c>, the wire's
/// <c>ide</c>): the protocol's ids (<c>vs_code</c>) and their spellings with dashes, without the underscore
/// (<c>vscode</c>) or in capitals.
/// </summary>
public static class IdeNames
{
    /// <summary>Gets the names a person can type, for help texts: the short forms first.</summary>
    public static string Help { get; } = "vscode (vs_code), vscode-web, cursor, windsurf, intellij, pycharm, goland, webstorm, clion, phpstorm, rubymine, rider";

    /// <summary>Returns the protocol's IDE id for a name, or <see langword="null"/> when it names none.</summary>
    /// <param name="name">The name as typed.</param>
    /// <returns>One of <see cref="Ides.All"/>, or <see langword="null"/>.</returns>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = name.Trim().ToLowerInvariant().Replace('-', '_');
        key = key switch
        {
            "vscode" or "code" => Ides.VsCode,
            "vscode_web" or "code_web" => Ides.VsCodeWeb,
            "idea" or "intellij_idea" => Ides.IntelliJ,
            _ => key,
        };
        return Ides.All.Contains(key) ? key : null;
    }
}
