using Gitspaces.Protocol;

namespace Gitspaces.Ssh.Links;

/// <summary>Everything <c>gitspaces/connect</c> returns about reaching a gitspace, built from its SSH target.</summary>
public static class GitspaceLinks
{
    /// <summary>Builds the deep link of every editor.</summary>
    /// <param name="target">The SSH target.</param>
    /// <param name="ide">The gitspace's IDE id (<see cref="Ides"/>); picks the JetBrains product, IntelliJ IDEA when it is not a JetBrains IDE.</param>
    /// <param name="jetbrainsIdePath">The JetBrains backend's folder in the gitspace, when one is installed there.</param>
    /// <returns>The links.</returns>
    public static ConnectLinks Build(SshTarget target, string? ide, string? jetbrainsIdePath = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var productCode = (ide is null ? null : Ides.JetBrainsProductCode(ide)) ?? JetBrainsLinks.DefaultProductCode;
        return new ConnectLinks
        {
            Vscode = VsCodeLinks.OpenLink(VsCodeLinks.VsCodeScheme, target),
            VscodeInsiders = VsCodeLinks.OpenLink(VsCodeLinks.VsCodeInsidersScheme, target),
            Cursor = VsCodeLinks.OpenLink(VsCodeLinks.CursorScheme, target),
            Windsurf = VsCodeLinks.OpenLink(VsCodeLinks.WindsurfScheme, target),
            JetbrainsGateway = JetBrainsLinks.Gateway(target, productCode, jetbrainsIdePath),
            JetbrainsToolbox = JetBrainsLinks.Toolbox(target, productCode),
        };
    }

    /// <summary>Picks the link that opens <paramref name="ide"/> (what <c>gitspaces open --ide</c> launches).</summary>
    /// <param name="links">The links.</param>
    /// <param name="ide">An IDE id (<see cref="Ides"/>), or <c>vscode-insiders</c>, or <c>toolbox</c> for the Toolbox App.</param>
    /// <returns>The link, or <see langword="null"/> when there is none for that IDE.</returns>
    public static string? ForIde(ConnectLinks links, string ide)
    {
        ArgumentNullException.ThrowIfNull(links);
        return ide switch
        {
            Ides.VsCode or "vscode" => links.Vscode,
            "vscode-insiders" or "vs_code_insiders" => links.VscodeInsiders,
            Ides.Cursor => links.Cursor,
            Ides.Windsurf => links.Windsurf,
            Ides.VsCodeWeb => links.Web,
            "toolbox" => links.JetbrainsToolbox,
            _ when Ides.JetBrainsProductCode(ide) is not null => links.JetbrainsGateway,
            _ => null,
        };
    }
}
