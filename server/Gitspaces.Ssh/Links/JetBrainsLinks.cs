namespace Gitspaces.Ssh.Links;

/// <summary>Links that open a gitspace in a JetBrains IDE, through Gateway or through the Toolbox App.</summary>
public static class JetBrainsLinks
{
    /// <summary>The product code used when the gitspace's IDE is not a JetBrains one (IntelliJ IDEA Ultimate).</summary>
    public const string DefaultProductCode = "IU";

    /// <summary>
    /// Returns Gateway's built-in SSH link, <c>jetbrains-gateway://connect#type=ssh&amp;deploy=…&amp;host=&amp;port=&amp;user=&amp;projectPath=&amp;productCode=</c>:
    /// with a backend already in the gitspace (<paramref name="idePath"/>), <c>deploy=false&amp;idePath=…</c>; without one,
    /// <c>deploy=true</c>, so Gateway installs the product's backend over the same SSH connection.
    /// </summary>
    /// <param name="target">The SSH target.</param>
    /// <param name="productCode">The product code (IU, PY, GO, WS, CL, RD, PS, RM).</param>
    /// <param name="idePath">The backend's folder in the gitspace, or <see langword="null"/>.</param>
    /// <returns>The link.</returns>
    public static string Gateway(SshTarget target, string productCode, string? idePath = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validated();
        var deployed = !string.IsNullOrEmpty(idePath);
        List<KeyValuePair<string, string>> parameters =
        [
            new("type", "ssh"),
            new("deploy", deployed ? "false" : "true"),
            new("host", target.Host),
            new("port", target.Port.ToString()),
            new("user", target.User),
            new("projectPath", target.WorkspaceFolder),
            new("productCode", productCode),
        ];
        if (deployed)
        {
            parameters.Add(new("idePath", idePath!));
        }

        return "jetbrains-gateway://connect#" + UriEncoding.Join(parameters);
    }

    /// <summary>
    /// Returns the Toolbox App's SSH environment link (Toolbox 2.6+, no Gateway needed):
    /// <c>jetbrains://gateway/ssh/environment?h=&amp;p=&amp;u=&amp;launchIde=true&amp;ideHint=&amp;projectHint=</c>.
    /// </summary>
    /// <param name="target">The SSH target.</param>
    /// <param name="productCode">The product code of the IDE to launch.</param>
    /// <returns>The link.</returns>
    public static string Toolbox(SshTarget target, string productCode)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validated();
        KeyValuePair<string, string>[] parameters =
        [
            new("h", target.Host),
            new("p", target.Port.ToString()),
            new("u", target.User),
            new("launchIde", "true"),
            new("ideHint", productCode),
            new("projectHint", target.WorkspaceFolder),
        ];
        return "jetbrains://gateway/ssh/environment?" + UriEncoding.Join(parameters);
    }
}
