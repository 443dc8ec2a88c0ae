using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Variables;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>
/// The environment of a gitspace's SSH sessions: what its lifecycle commands get, the container's own (image
/// <c>ENV</c>, <c>PATH</c> included, and <c>containerEnv</c>) and then <c>remoteEnv</c> with its
/// <c>${containerEnv:X}</c> resolved against it, as the reference's <c>userEnvProbe</c> gives editor sessions.
/// </summary>
internal static class SessionEnvironment
{
    /// <summary>Computes it from a container as the engine reports it.</summary>
    /// <param name="container">The container (its environment and metadata label).</param>
    /// <returns>The variables, as <c>NAME=value</c>, later ones winning.</returns>
    public static IReadOnlyList<string> Of(EngineContainerDetails container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in container.Config.Env ?? [])
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                variables[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        var containerEnv = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        var entries = MergedMetadata.EntriesIn(container.Config.Labels);
        var merged = MergedMetadata.Merge(entries.Count > 0 ? entries[^1] : new JsonObject(), entries, [.. entries.Select(_ => "image")]);
        foreach (var (name, value) in merged.RemoteEnv)
        {
            try
            {
                variables[name] = VariableSubstitution.SubstituteContainerEnv(JsonValue.Create(value), containerEnv)?.GetValue<string>() ?? value;
            }
            catch (VariableException)
            {
                variables[name] = value; // ${containerEnv} without a name: kept as written, as the lifecycle commands get it.
            }
        }

        return [.. variables.Select(v => v.Key + "=" + v.Value)];
    }
}
