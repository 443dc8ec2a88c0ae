using Gitspaces.Core.State;

namespace Gitspaces.Providers.Docker.Connect;

/// <summary>
/// Whether the Docker gitspaces' SSH entries forward the user's SSH agent: <c>GITSPACES_FORWARD_SSH_AGENT=0|1</c>, else
/// <c>forwardSshAgent</c> in <c>docker.json</c>, else on (the engine is the user's own; hosted providers keep it off).
/// </summary>
internal static class AgentForwarding
{
    /// <summary>The variable that overrides the setting.</summary>
    public const string Variable = "GITSPACES_FORWARD_SSH_AGENT";

    /// <summary>Returns whether to forward the agent.</summary>
    /// <param name="paths">The state directory (for <c>docker.json</c>).</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <returns>Whether to forward it.</returns>
    public static bool IsOn(StatePaths paths, Func<string, string?> environment) => environment(Variable) switch
    {
        "0" or "false" or "no" => false,
        "1" or "true" or "yes" => true,
        _ => DockerSettings.Load(paths).ForwardSshAgent ?? true,
    };
}
