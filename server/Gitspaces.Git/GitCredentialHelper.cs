using System.Diagnostics;
using System.Text;

namespace Gitspaces.Git;

/// <summary>
/// Asks the user's git credential helpers for a login with <c>git credential fill</c> (no shell, never prompting), so
/// a clone works with whatever the user's own git uses. The answer stays in memory and is never logged.
/// </summary>
public static class GitCredentialHelper
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Asks git for the login of a URL.</summary>
    /// <param name="url">The clone URL; a user name in it is passed on, a password is not.</param>
    /// <returns>The login, or <see langword="null"/> when git has none (or no git is installed).</returns>
    public static GitLogin? Fill(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("credential");
        start.ArgumentList.Add("fill");

        // Without a terminal or an askpass program, git answers from its helpers or fails; it never asks the user.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_ASKPASS"] = string.Empty;
        start.Environment["SSH_ASKPASS"] = string.Empty;
        try
        {
            using var process = new Process { StartInfo = start };
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    output.Append(e.Data).Append('\n');
                }
            };
            if (!process.Start())
            {
                return null;
            }

            // Both pipes are drained while git runs, so a talkative helper cannot block it, and a helper that hangs
            // (one waiting for a window nobody sees) costs the clone its patience, not the whole operation.
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Write(Request(url));
            process.StandardInput.Close();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            // The timed wait returns at exit; this one also waits for the last output line.
            process.WaitForExit();
            return process.ExitCode == 0 ? Parse(output.ToString()) : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            // No git on PATH, or it went away mid-answer: no helper to ask.
            return null;
        }
    }

    /// <summary>Writes the request <c>git credential fill</c> reads: the URL's parts, never its password.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The request, ending with the blank line that ends it.</returns>
    internal static string Request(Uri url)
    {
        var request = new StringBuilder()
            .Append("protocol=").Append(url.Scheme).Append('\n')
            .Append("host=").Append(url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}").Append('\n')
            .Append("path=").Append(url.AbsolutePath.TrimStart('/')).Append('\n');
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            request.Append("username=").Append(Uri.UnescapeDataString(url.UserInfo.Split(':')[0])).Append('\n');
        }

        return request.Append('\n').ToString();
    }

    /// <summary>Reads the login from git's answer.</summary>
    /// <param name="answer">The <c>key=value</c> lines git printed.</param>
    /// <returns>The login, or <see langword="null"/> when a user name or password is missing.</returns>
    internal static GitLogin? Parse(string answer)
    {
        string? user = null, password = null;
        foreach (var line in answer.Split('\n'))
        {
            if (line.StartsWith("username=", StringComparison.Ordinal))
            {
                user = line["username=".Length..].TrimEnd('\r');
            }
            else if (line.StartsWith("password=", StringComparison.Ordinal))
            {
                password = line["password=".Length..].TrimEnd('\r');
            }
        }

        return user is not null && password is not null ? new GitLogin(user, password) : null;
    }
}
