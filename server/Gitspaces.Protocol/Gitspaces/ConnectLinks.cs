namespace Gitspaces.Protocol;

/// <summary>Deep links that open a gitspace in each editor.</summary>
public sealed record ConnectLinks
{
    /// <summary>Gets the <c>vscode://vscode-remote/ssh-remote+…</c> link.</summary>
    public string? Vscode { get; init; }

    /// <summary>Gets the <c>vscode-insiders://</c> link.</summary>
    public string? VscodeInsiders { get; init; }

    /// <summary>Gets the <c>cursor://</c> link.</summary>
    public string? Cursor { get; init; }

    /// <summary>Gets the <c>windsurf://</c> link.</summary>
    public string? Windsurf { get; init; }

    /// <summary>Gets the <c>jetbrains-gateway://connect#…</c> link.</summary>
    public string? JetbrainsGateway { get; init; }

    /// <summary>Gets the <c>jetbrains://gateway/…</c> link that the Toolbox App handles.</summary>
    public string? JetbrainsToolbox { get; init; }

    /// <summary>Gets the browser URL, for providers that serve a web IDE.</summary>
    public string? Web { get; init; }
}
