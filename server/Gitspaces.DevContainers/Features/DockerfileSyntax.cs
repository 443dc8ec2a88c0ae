using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Features;

/// <summary>The Dockerfile lines the reference writes for Features: <c>ENV</c> from a containerEnv, the metadata <c>LABEL</c>.</summary>
public static class DockerfileSyntax
{
    /// <summary>
    /// <c>ENV K="V"</c> lines (the reference's <c>getContainerEnvDockerfileLines</c>): <c>"</c> and <c>\</c> are
    /// backslash-escaped, and <c>$</c> too when <paramref name="escapeDollar"/> (devcontainer.json's containerEnv);
    /// a Feature's containerEnv keeps <c>$</c>, so <c>"PATH": "/opt/x/bin:${PATH}"</c> expands at build time.
    /// </summary>
    /// <param name="containerEnv">The variables, in order.</param>
    /// <param name="escapeDollar">Whether <c>$</c> is escaped too.</param>
    public static string EnvLines(IEnumerable<KeyValuePair<string, string>> containerEnv, bool escapeDollar)
    {
        ArgumentNullException.ThrowIfNull(containerEnv);
        return string.Join('\n', containerEnv.Select(e => $"ENV {e.Key}=\"{Escape(e.Value, escapeDollar)}\""));
    }

    /// <summary>The <c>LABEL devcontainer.metadata="[…]"</c> instruction holding <paramref name="entries"/>, one per line; empty without entries.</summary>
    /// <param name="entries">The metadata entries (base image, Features in install order, …).</param>
    public static string MetadataLabel(IReadOnlyList<JsonObject> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return string.Empty;
        }

        var label = new StringBuilder("[");
        for (var i = 0; i < entries.Count; i++)
        {
            label.Append(i == 0 ? string.Empty : ",").Append(" \\\n").Append(Escape(JsonStringify.Stringify(entries[i]), escapeDollar: true));
        }

        label.Append(" \\\n]");
        return $"LABEL {Metadata.ImageMetadata.LabelName}=\"{label}\"";
    }

    private static string Escape(string value, bool escapeDollar)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '"' or '\\' || (escapeDollar && c == '$'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
