using System.Diagnostics;
using System.Text;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Asks the user's git credential helpers for a login with <c>git credential fill</c> (no shell, never prompting), so
/// a clone works with whatever the user's own git uses. The answer stays in memory.
/// </summary>
internal static class GitCredentialHelper
{
    /// <summary>Asks git for the login of a URL.</summary>
    /// <param name="url">The clone URL.</param>
    /// <returns>The user name and password, or <see langword="null"/> when git has none.</returns>
    public static (string User, string Password)? Fill(Uri url)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("credential");
        start.ArgumentList.Add("fill");
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_ASKPASS"] = string.Empty;
        start.Environment["SSH_ASKPASS"] = string.Empty;
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var request = new StringBuilder()
                .Append("protocol=").Append(url.Scheme).Append('\n')
                .Append("host=").Append(url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}").Append('\n')
                .Append("path=").Append(url.AbsolutePath.TrimStart('/')).Append('\n');
            if (!string.IsNullOrEmpty(url.UserInfo))
            {
                request.Append("username=").Append(Uri.UnescapeDataString(url.UserInfo.Split(':')[0])).Append('\n');
            }

            process.StandardInput.Write(request.Append('\n').ToString());
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
            {
                return null;
            }

            string? user = null, password = null;
            foreach (var line in output.Split('\n'))
            {
                if (line.StartsWith("username=", StringComparison.Ordinal))
                {
                    user = line["username=".Length..];
                }
                else if (line.StartsWith("password=", StringComparison.Ordinal))
                {
                    password = line["password=".Length..];
                }
            }

            return user is not null && password is not null ? (user, password) : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            // No git on PATH: no helper to ask.
            return null;
        }
    }
}
