using System.Text.RegularExpressions;

namespace Gitspaces.Server.Cli;

/// <summary>
/// Turns a message written for every client into one for a person at the command line: no JSON-RPC words
/// ("Invalid params", method names, "sidecar"), and the options they typed instead of JSON paths.
/// </summary>
internal static partial class CliWording
{
    /// <summary>Rewrites a message or hint for the command line.</summary>
    /// <param name="text">The text as the service wrote it.</param>
    /// <returns>The text for a person.</returns>
    public static string ForPeople(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text.StartsWith("Invalid params: ", StringComparison.Ordinal) ? text["Invalid params: ".Length..] : text;
        result = result
            .Replace(" or gitspaces/list", string.Empty, StringComparison.Ordinal)
            .Replace("`providers/configure {provider:\"docker\", endpoint}`", "DOCKER_HOST", StringComparison.Ordinal)
            .Replace("or point DOCKER_HOST or DOCKER_HOST at", "or point DOCKER_HOST at", StringComparison.Ordinal)
            .Replace("change the Docker host with DOCKER_HOST or DOCKER_HOST", "change the Docker host with DOCKER_HOST", StringComparison.Ordinal)
            .Replace("\"trustRepository\": true in JSON-RPC", "`--trust`", StringComparison.Ordinal)
            .Replace("the sidecar's log file", "the log file in $GITSPACES_HOME/logs", StringComparison.Ordinal)
            .Replace("The sidecar stopped", "gitspaces stopped", StringComparison.Ordinal);
        return FieldPath().Replace(result, m => m.Groups[1].Value switch
        {
            "repository.url" => "the repository",
            "ide" => "--ide",
            "name" => "--name",
            "devcontainerPath" => "--config",
            "provider" => "--provider",
            "repository.branch" => "--branch",
            var other => other,
        });
    }

    [GeneratedRegex(@"\$\.([A-Za-z][A-Za-z.]*)")]
    private static partial Regex FieldPath();
}
