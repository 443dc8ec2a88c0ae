using System.Diagnostics;

namespace Gitspaces.Ssh.Launch;

/// <summary>
/// Opens editor links with the platform's URL opener (<c>xdg-open</c>, <c>open</c>, or the Windows shell's URL
/// handler), never through a shell, or only prints them.
/// </summary>
public sealed class LinkOpener
{
    private static readonly string[] AllowedSchemes =
        ["vscode", "vscode-insiders", "cursor", "windsurf", "jetbrains-gateway", "jetbrains", "https", "http"];

    private readonly string? openerOverride;

    /// <summary>Initializes a new instance of the <see cref="LinkOpener"/> class.</summary>
    /// <param name="openerOverride">A program to run with the link as its only argument instead of the platform's opener (for tests and unusual desktops).</param>
    public LinkOpener(string? openerOverride = null)
    {
        this.openerOverride = openerOverride;
    }

    /// <summary>Checks that a link is one of ours: an absolute URL with an editor's or web scheme. A path or option never reaches the opener.</summary>
    /// <param name="link">The link.</param>
    /// <returns>The problem, or <see langword="null"/> when the link may be opened.</returns>
    public static string? Check(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var colon = link.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? link[..colon] : string.Empty;
        if (!AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) || link.Any(char.IsControl))
        {
            return $"'{link}' is not an editor link (expected one of {string.Join(", ", AllowedSchemes.Select(s => s + "://"))}).";
        }

        return null;
    }

    /// <summary>Returns how the link would be launched on this platform.</summary>
    /// <param name="link">The link.</param>
    /// <returns>The start info; <see cref="ProcessStartInfo.UseShellExecute"/> only on Windows, where it is the URL handler, not a shell.</returns>
    public ProcessStartInfo CreateStartInfo(string link)
    {
        if (Check(link) is { } problem)
        {
            throw new ArgumentException(problem, nameof(link));
        }

        if (this.openerOverride is null && OperatingSystem.IsWindows())
        {
            return new ProcessStartInfo(link) { UseShellExecute = true };
        }

        var start = new ProcessStartInfo(this.openerOverride ?? (OperatingSystem.IsMacOS() ? "open" : "xdg-open")) { UseShellExecute = false };
        start.ArgumentList.Add(link);
        return start;
    }

    /// <summary>Opens the link and waits for the opener to hand it over.</summary>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The opener's exit code (0 when the link was handed over).</returns>
    /// <exception cref="InvalidOperationException">No opener could be started; the message says which.</exception>
    public async Task<int> OpenAsync(string link, CancellationToken cancellationToken)
    {
        var start = this.CreateStartInfo(link);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{start.FileName}' to open the link ({e.Message}); open it yourself: {link}", e);
        }

        if (process is null)
        {
            return 0;
        }

        using (process)
        {
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
    }
}
