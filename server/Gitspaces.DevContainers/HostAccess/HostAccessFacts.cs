using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.HostAccess;

/// <summary>
/// The properties of a devcontainer.json (or of an image's or a Feature's metadata entry, which use the same names)
/// that reach the machine the container runs on rather than only the container: a command run on the host, a host
/// folder mounted in, the Docker socket, a privileged container, added capabilities, security options and host
/// namespaces. These are facts about the configuration; whether they are applied is the trust policy's decision.
/// </summary>
public static class HostAccessFacts
{
    /// <summary>A command that runs on this machine, outside any container (<c>initializeCommand</c>).</summary>
    public const string HostCommand = "hostCommand";

    /// <summary>A folder or file of this machine mounted into the container.</summary>
    public const string HostMount = "hostMount";

    /// <summary>A container that shares or escapes the host's isolation (privileged, host namespaces, capabilities, the Docker socket).</summary>
    public const string Privilege = "privilege";

    // runArgs whose value names a namespace: "host" (or another container's) shares it instead of isolating.
    private static readonly HashSet<string> NamespaceFlags = new(StringComparer.Ordinal) { "--pid", "--ipc", "--uts", "--userns", "--cgroupns", "--network", "--net" };

    // runArgs that take a value when written as two arguments.
    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "--pid", "--ipc", "--uts", "--userns", "--cgroupns", "--network", "--net", "--cap-add", "--security-opt", "--mount", "--volume", "-v",
        "--device", "--volumes-from", "--add-host", "--cap-drop", "--cpus", "--dns", "--dns-search", "--dns-option", "--env", "-e", "--hostname", "-h",
        "--label", "-l", "--memory", "-m", "--pids-limit", "--publish", "-p", "--shm-size", "--sysctl", "--tmpfs", "--user", "-u", "--stop-signal",
        "--stop-timeout", "--name", "--workdir", "-w", "--entrypoint", "--env-file", "--gpus", "--runtime",
    };

    /// <summary>Lists what a configuration or metadata entry asks for that reaches this machine.</summary>
    /// <param name="entry">devcontainer.json as read (variables substituted), or one <c>devcontainer.metadata</c> entry.</param>
    /// <returns>The facts, in the order the properties appear.</returns>
    public static IReadOnlyList<HostAccessFact> Of(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var facts = new List<HostAccessFact>();
        if (entry["initializeCommand"] is { } initialize && Describe(initialize) is { Length: > 0 } command)
        {
            facts.Add(new HostAccessFact(HostCommand, "$.initializeCommand", command));
        }

        if (entry["mounts"] is JsonArray mounts)
        {
            for (var i = 0; i < mounts.Count; i++)
            {
                if (mounts[i] is { } mount && OfMount(mount, $"$.mounts[{i}]") is { } fact)
                {
                    facts.Add(fact);
                }
            }
        }

        if (entry["privileged"] is JsonValue privileged && privileged.TryGetValue<bool>(out var isPrivileged) && isPrivileged)
        {
            facts.Add(new HostAccessFact(Privilege, "$.privileged", "a privileged container (every device and capability of this machine)"));
        }

        AddEach(facts, entry["capAdd"], "$.capAdd", v => $"the capability {v}");
        AddEach(facts, entry["securityOpt"], "$.securityOpt", v => $"the security option {v}");
        if (entry["runArgs"] is JsonArray runArgs)
        {
            facts.AddRange(OfRunArgs([.. runArgs.Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : a?.ToJsonString() ?? string.Empty)]));
        }

        return facts;
    }

    /// <summary>Lists what <c>runArgs</c> ask for that reaches this machine.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The facts; each names the argument's index.</returns>
    public static IReadOnlyList<HostAccessFact> OfRunArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var facts = new List<HostAccessFact>();
        for (var i = 0; i < args.Count; i++)
        {
            var index = i;
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            string? value = flag.Length < arg.Length ? arg[(equals + 1)..] : null;
            if (value is null && ValueFlags.Contains(flag) && i + 1 < args.Count)
            {
                value = args[++i];
            }

            var property = $"$.runArgs[{index}]";
            var written = value is null || flag.Length < arg.Length ? arg : arg + " " + value;
            switch (flag)
            {
                case "--privileged":
                    facts.Add(new HostAccessFact(Privilege, property, "--privileged: a privileged container (every device and capability of this machine)"));
                    break;
                case "--cap-add":
                    facts.Add(new HostAccessFact(Privilege, property, $"{written}: the capability {value}"));
                    break;
                case "--security-opt":
                    facts.Add(new HostAccessFact(Privilege, property, $"{written}: the security option {value}"));
                    break;
                case "--device":
                    facts.Add(new HostAccessFact(Privilege, property, $"{written}: this machine's device {value}"));
                    break;
                case "--volumes-from":
                    facts.Add(new HostAccessFact(Privilege, property, $"{written}: the volumes of the container {value}"));
                    break;
                case "--mount" when value is not null:
                    if (OfMount(JsonValue.Create(value), property) is { } mount)
                    {
                        facts.Add(mount with { Detail = $"{written}: {mount.Detail}" });
                    }

                    break;
                case "--volume" or "-v" when value is not null:
                    var source = value.Split(':')[0];
                    if (source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~'))
                    {
                        facts.Add(IsEngineSocket(source)
                            ? new HostAccessFact(Privilege, property, $"{written}: the container engine's socket {source} (control of this machine)")
                            : new HostAccessFact(HostMount, property, $"{written}: this machine's {source}"));
                    }

                    break;
                default:
                    if (NamespaceFlags.Contains(flag) && value is not null && (value == "host" || value.StartsWith("container:", StringComparison.Ordinal)))
                    {
                        facts.Add(new HostAccessFact(Privilege, property, value == "host" ? $"{written}: this machine's {NamespaceName(flag)}" : $"{written}: another container's {NamespaceName(flag)}"));
                    }

                    break;
            }
        }

        return facts;
    }

    /// <summary>Tells whether a host path is a container engine's socket (Docker's or Podman's), whose holder controls the machine.</summary>
    /// <param name="path">The host path.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsEngineSocket(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.TrimEnd('/');
        return name.EndsWith("docker.sock", StringComparison.Ordinal) || name.EndsWith("podman.sock", StringComparison.Ordinal) || name.EndsWith("containerd.sock", StringComparison.Ordinal)
            || name is "/var/run" or "/run" or "/" || name.EndsWith("/docker", StringComparison.Ordinal);
    }

    private static HostAccessFact? OfMount(JsonNode mount, string property)
    {
        string? type = null, source = null, target = null;
        if (mount is JsonObject obj)
        {
            type = Text(obj["type"]);
            source = Text(obj["source"]);
            target = Text(obj["target"]);
        }
        else if (mount is JsonValue value && value.TryGetValue<string>(out var text))
        {
            foreach (var part in text.Split(','))
            {
                var pair = part.Split('=', 2);
                var item = pair.Length > 1 ? pair[1].Trim().Trim('"') : string.Empty;
                switch (pair[0].Trim())
                {
                    case "type": type = item; break;
                    case "source" or "src": source = item; break;
                    case "target" or "dst" or "destination": target = item; break;
                    default: break;
                }
            }
        }

        if (type != "bind")
        {
            return null;
        }

        source ??= string.Empty;
        return IsEngineSocket(source)
            ? new HostAccessFact(Privilege, property, $"the container engine's socket {source} mounted at {target} (control of this machine)")
            : new HostAccessFact(HostMount, property, $"this machine's {source} mounted at {target}");
    }

    private static void AddEach(List<HostAccessFact> facts, JsonNode? node, string property, Func<string, string> describe)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (Text(array[i]) is { } value)
            {
                facts.Add(new HostAccessFact(Privilege, $"{property}[{i}]", describe(value)));
            }
        }
    }

    private static string NamespaceName(string flag) => flag switch
    {
        "--pid" => "processes (PID namespace)",
        "--ipc" => "shared memory (IPC namespace)",
        "--uts" => "host name (UTS namespace)",
        "--userns" => "users (user namespace)",
        "--cgroupns" => "control groups",
        _ => "network",
    };

    private static string Describe(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text.Trim(),
        JsonArray array => string.Join(' ', array.Select(Text).OfType<string>()),
        JsonObject obj => string.Join("; ", obj.Where(p => p.Value is not null).Select(p => $"{p.Key}: {Describe(p.Value!)}")),
        _ => node.ToJsonString(),
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
