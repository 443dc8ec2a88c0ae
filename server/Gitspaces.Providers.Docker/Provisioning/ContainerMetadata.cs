using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Variables;

namespace Gitspaces.Providers.Docker.Provisioning;

/// <summary>The image metadata merge every launcher does: the image's and Features' entries, then devcontainer.json's, with <c>${devcontainerId}</c> substituted.</summary>
internal static class ContainerMetadata
{
    /// <summary>Merges the metadata of an image with the configuration's.</summary>
    /// <param name="labels">The container's identifying labels (the local folder names the devcontainer id).</param>
    /// <param name="plan">The configuration.</param>
    /// <param name="image">The image the container runs.</param>
    /// <returns>The merged metadata and the devcontainer id.</returns>
    public static (MergedMetadata Metadata, string DevcontainerId) Merge(IReadOnlyDictionary<string, string> labels, DevcontainerPlan plan, PreparedImage image)
    {
        var entries = MergedMetadata.EntriesIn(image.Details.Labels);
        var origins = entries.Select(OriginOf).Append("devcontainer.json").ToList();
        entries.Add(plan.MetadataEntry);

        // ${devcontainerId} comes from the id labels, as the reference computes it: the same gitspace keeps its id
        // (and so its named volumes) across rebuilds.
        var devcontainerId = DevContainerId.Compute(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DockerLabels.LocalFolder] = labels[DockerLabels.LocalFolder],
            [DockerLabels.ConfigFile] = plan.ConfigFile,
        });
        JsonNode? Substitute(JsonNode? node) => VariableSubstitution.SubstituteDevContainerId(plan.SubstituteLocal(node), devcontainerId);
        return (MergedMetadata.Merge(plan.Configuration, entries, origins, Substitute), devcontainerId);
    }

    /// <summary>Names who wrote a metadata entry of an image: a Feature (by its id) or the image itself.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The origin, as lifecycle messages and trust requests name it.</returns>
    public static string OriginOf(JsonObject entry) => entry["id"] is JsonValue featureId ? $"Feature '{featureId}'" : "image";
}
