using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gitspaces.Compose;

/// <summary>
/// Writes an <see cref="ComposeOverride"/> as YAML with YamlDotNet's emitter (so quoting is never ours to get wrong).
/// Compose interpolates override files too, so every <c>$</c> in a value is written as <c>$$</c>: a value arrives in
/// the container as given.
/// </summary>
public static class ComposeOverrideWriter
{
    /// <summary>Writes the file's text.</summary>
    /// <param name="composeOverride">What to write.</param>
    /// <returns>The YAML.</returns>
    public static string Write(ComposeOverride composeOverride)
    {
        ArgumentNullException.ThrowIfNull(composeOverride);
        var root = new YamlMappingNode();
        if (composeOverride.Version is { } version)
        {
            root.Add("version", Quoted(version));
        }

        var services = new YamlMappingNode();
        foreach (var service in composeOverride.Services)
        {
            services.Add(Quoted(service.Name), Service(service));
        }

        root.Add("services", services);
        if (composeOverride.ExternalVolumes.Count + composeOverride.Volumes.Count > 0)
        {
            var volumes = new YamlMappingNode();
            foreach (var name in composeOverride.ExternalVolumes)
            {
                volumes.Add(Quoted(name), new YamlMappingNode { { "external", Plain("true") } });
            }

            foreach (var name in composeOverride.Volumes.Except(composeOverride.ExternalVolumes, StringComparer.Ordinal))
            {
                volumes.Add(Quoted(name), new YamlMappingNode());
            }

            root.Add("volumes", volumes);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // The emitter ends a document with "...": compose v1 reads it, but nobody needs it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Service(ComposeServiceOverride service)
    {
        var node = new YamlMappingNode();
        if (service.Image is { } image)
        {
            node.Add("image", Quoted(image));
        }

        if (service.ContainerName is { } name)
        {
            node.Add("container_name", Quoted(name));
        }

        if (service.Entrypoint is { } entrypoint)
        {
            node.Add("entrypoint", List(entrypoint));
        }

        if (service.Command is { } command)
        {
            node.Add("command", List(command));
        }

        if (service.Init)
        {
            node.Add("init", Plain("true"));
        }

        if (service.User is { } user)
        {
            node.Add("user", Quoted(user));
        }

        if (service.Environment.Count > 0)
        {
            node.Add("environment", Map(service.Environment));
        }

        if (service.Privileged)
        {
            node.Add("privileged", Plain("true"));
        }

        if (service.CapAdd.Count > 0)
        {
            node.Add("cap_add", List(service.CapAdd));
        }

        if (service.SecurityOpt.Count > 0)
        {
            node.Add("security_opt", List(service.SecurityOpt));
        }

        if (service.Labels.Count > 0)
        {
            node.Add("labels", Map(service.Labels));
        }

        if (service.Volumes.Count > 0)
        {
            node.Add("volumes", List(service.Volumes));
        }

        return node;
    }

    private static YamlSequenceNode List(IEnumerable<string> values)
    {
        var list = new YamlSequenceNode();
        foreach (var value in values)
        {
            list.Add(Quoted(value));
        }

        return list;
    }

    private static YamlMappingNode Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in values)
        {
            map.Add(Quoted(key), Quoted(value));
        }

        return map;
    }

    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    private static YamlScalarNode Quoted(string value) => new(value.Replace("$", "$$", StringComparison.Ordinal)) { Style = ScalarStyle.DoubleQuoted };
}
