using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gitspaces.Compose;

/// <summary>
/// Reads the YAML that <c>compose config</c> prints (the files merged, variables and <c>.env</c> applied, paths made
/// absolute) into a <see cref="ComposeProject"/>. It walks YamlDotNet's node tree: no serializer, no reflection.
/// </summary>
public static class ComposeConfigReader
{
    /// <summary>Reads the configuration.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The project.</returns>
    /// <exception cref="FormatException">The text is not a compose configuration.</exception>
    public static ComposeProject Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"The compose configuration is not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException("The compose configuration is empty.");
        }

        var services = new List<ComposeService>();
        if (Child(root, "services") is YamlMappingNode serviceNodes)
        {
            foreach (var (key, value) in serviceNodes.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlMappingNode service)
                {
                    services.Add(ReadService(name, service));
                }
            }
        }

        var volumeDevices = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "volumes") is YamlMappingNode volumeNodes)
        {
            foreach (var (key, value) in volumeNodes.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlMappingNode volume
                    && Child(volume, "driver_opts") is YamlMappingNode options && Text(Child(options, "device")) is { } device)
                {
                    volumeDevices[name] = device;
                }
            }
        }

        var fileSources = new List<(string Property, string File)>();
        foreach (var section in new[] { "secrets", "configs" })
        {
            if (Child(root, section) is YamlMappingNode entries)
            {
                foreach (var (key, value) in entries.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlMappingNode entry && Text(Child(entry, "file")) is { } file)
                    {
                        fileSources.Add(($"{section}.{name}", file));
                    }
                }
            }
        }

        return new ComposeProject { Name = Text(Child(root, "name")), Services = services, VolumeDevices = volumeDevices, FileSources = fileSources };
    }

    /// <summary>Reads the <c>version:</c> of a compose file as written (v1 wants every file it merges to say the same).</summary>
    /// <param name="yaml">The file's text.</param>
    /// <returns>The version, or <see langword="null"/> when the file has none or cannot be read.</returns>
    public static string? ReadVersion(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? Text(Child(root, "version")) : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static ComposeService ReadService(string name, YamlMappingNode node) => new()
    {
        Name = name,
        Image = Text(Child(node, "image")),
        Build = Child(node, "build") switch
        {
            YamlScalarNode { Value: { } context } => new ComposeBuild(context, "Dockerfile", null),
            YamlMappingNode build => new ComposeBuild(Text(Child(build, "context")) ?? ".", Text(Child(build, "dockerfile")) ?? "Dockerfile", Text(Child(build, "target"))),
            _ => null,
        },
        User = Text(Child(node, "user")),
        Entrypoint = Words(Child(node, "entrypoint")),
        Command = Words(Child(node, "command")),
        NetworkMode = Text(Child(node, "network_mode")),
        Volumes = Child(node, "volumes") is YamlSequenceNode volumes ? [.. volumes.Children.Select(Mount).OfType<ComposeMount>()] : [],
        Privileged = Text(Child(node, "privileged")) is "true" or "True",
        NamespaceModes = NamespaceModes(node),
        CapAdd = Strings(Child(node, "cap_add")),
        SecurityOpt = Strings(Child(node, "security_opt")),
        Devices = Child(node, "devices") is YamlSequenceNode devices ? [.. devices.Children.Select(Device).OfType<string>()] : [],
        VolumesFrom = Strings(Child(node, "volumes_from")),
    };

    private static Dictionary<string, string> NamespaceModes(YamlMappingNode node)
    {
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "pid", "ipc", "uts", "userns_mode", "cgroup" })
        {
            if (Text(Child(node, name)) is { } mode)
            {
                modes[name] = mode;
            }
        }

        return modes;
    }

    private static List<string> Strings(YamlNode? node) => node is YamlSequenceNode list ? [.. list.Children.Select(Text).OfType<string>()] : [];

    // HOST[:CONTAINER[:PERMISSIONS]], or the long syntax newer compose versions print.
    private static string? Device(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } text } => text.Split(':')[0],
        YamlMappingNode mapping => Text(Child(mapping, "source")),
        _ => null,
    };

    private static ComposeMount? Mount(YamlNode node)
    {
        if (node is YamlMappingNode mapping)
        {
            var target = Text(Child(mapping, "target"));
            if (target is null)
            {
                return null;
            }

            var source = Text(Child(mapping, "source"));
            var type = Text(Child(mapping, "type")) ?? (source is null ? "volume" : IsPath(source) ? "bind" : "volume");
            return new ComposeMount(type, source, target, Text(Child(mapping, "read_only")) is "true" or "True");
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            return null;
        }

        // SOURCE:TARGET[:MODE], or TARGET alone (an anonymous volume); a Windows drive letter is part of the source.
        var parts = new List<string>(text.Split(':'));
        if (parts.Count > 1 && parts[0].Length == 1 && char.IsAsciiLetter(parts[0][0]) && parts[1].StartsWith('\\') | parts[1].StartsWith('/'))
        {
            parts[0] += ":" + parts[1];
            parts.RemoveAt(1);
        }

        if (parts.Count == 1)
        {
            return new ComposeMount("volume", null, parts[0], false);
        }

        var readOnly = parts.Count > 2 && parts[2].Split(',').Contains("ro");
        return new ComposeMount(IsPath(parts[0]) ? "bind" : "volume", parts[0], parts[1], readOnly);
    }

    private static bool IsPath(string source) =>
        source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || source.StartsWith('\\') || (source.Length > 1 && source[1] == ':');

    private static List<string>? Words(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when Text(scalar) is { } text => [.. ShellWords.Split(text)],
        YamlSequenceNode list => [.. list.Children.Select(Text).OfType<string>()],
        _ => null,
    };

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlNode? node) => node is YamlScalarNode { Value: { } value } && !(node is YamlScalarNode { Style: ScalarStyle.Plain } && value is "null" or "~") ? value : null;
}
