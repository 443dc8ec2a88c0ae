using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Applies devcontainer.json <c>runArgs</c> from an allow-list (see docs/docker-provider.md). Anything that would
/// publish beyond 127.0.0.1, bind host folders behind the user's back or rename the container is refused with a
/// message naming the argument.
/// </summary>
internal static class RunArgs
{
    /// <summary>Gets the allowed flags, long form; short forms map onto them.</summary>
    public static IReadOnlyList<string> Allowed { get; } =
    [
        "--add-host", "--cap-add", "--cap-drop", "--cpus", "--dns", "--dns-search", "--dns-option", "--env", "--hostname",
        "--init", "--ipc", "--label", "--memory", "--mount", "--network", "--pid", "--pids-limit", "--platform", "--privileged", "--publish",
        "--security-opt", "--shm-size", "--sysctl", "--tmpfs", "--user", "--stop-signal", "--stop-timeout",
    ];

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["-e"] = "--env", ["-l"] = "--label", ["-m"] = "--memory", ["-h"] = "--hostname", ["-u"] = "--user", ["-p"] = "--publish", ["--net"] = "--network",
    };

    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "--init", "--privileged" };

    /// <summary>Applies the arguments to a container's parameters.</summary>
    /// <param name="args">The runArgs.</param>
    /// <param name="parameters">The container parameters; its <see cref="CreateContainerParameters.HostConfig"/> must be set.</param>
    /// <param name="configPath">The configuration file, for messages.</param>
    public static void Apply(IReadOnlyList<string> args, CreateContainerParameters parameters, string configPath)
    {
        var host = parameters.HostConfig;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string flag, value = string.Empty;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                flag = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                flag = arg;
            }

            flag = ShortForms.GetValueOrDefault(flag, flag);
            if (!Allowed.Contains(flag))
            {
                throw Refused(configPath, arg, flag is "--volume" or "-v"
                    ? "bind host folders with \"mounts\" instead, which are shown to the user"
                    : "it is not on the Docker provider's runArgs allow-list");
            }

            if (!Switches.Contains(flag) && equals < 0)
            {
                if (i + 1 >= args.Count)
                {
                    throw Refused(configPath, arg, "it needs a value");
                }

                value = args[++i];
            }

            switch (flag)
            {
                case "--init": host.Init = true; break;
                case "--privileged": host.Privileged = true; break;
                case "--add-host": (host.ExtraHosts ??= []).Add(value); break;
                case "--cap-add": (host.CapAdd ??= []).Add(value); break;
                case "--cap-drop": (host.CapDrop ??= []).Add(value); break;
                case "--cpus": host.NanoCPUs = (long)(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) * 1e9); break;
                case "--dns": (host.DNS ??= []).Add(value); break;
                case "--dns-search": (host.DNSSearch ??= []).Add(value); break;
                case "--dns-option": (host.DNSOptions ??= []).Add(value); break;
                case "--env": (parameters.Env ??= []).Add(value); break;
                case "--hostname": parameters.Hostname = value; break;
                case "--ipc": host.IpcMode = value; break;
                case "--label":
                    var pair = value.Split('=', 2);
                    if (pair[0].StartsWith("dev.gitspaces.", StringComparison.Ordinal) || pair[0].StartsWith("devcontainer.", StringComparison.Ordinal))
                    {
                        throw Refused(configPath, arg, "the dev.gitspaces.* and devcontainer.* labels identify the gitspace");
                    }

                    parameters.Labels[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
                    break;
                case "--memory": host.Memory = ParseSize(value, configPath, arg); break;
                case "--shm-size": host.ShmSize = ParseSize(value, configPath, arg); break;
                case "--mount": (host.Mounts ??= []).Add(Mounts.Parse(value, configPath)); break;
                case "--network":
                    if (value is "host" or "none")
                    {
                        throw Refused(configPath, arg, "the host and none networks are not supported");
                    }

                    host.NetworkMode = value;
                    break;
                case "--pid": host.PidMode = value; break;
                case "--platform": break; // Not a container setting: PlatformOf gives it to the create call and the builds.
                case "--pids-limit": host.PidsLimit = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--publish": Ports.Publish(parameters, value, configPath); break;
                case "--security-opt": (host.SecurityOpt ??= []).Add(value); break;
                case "--sysctl":
                    var sysctl = value.Split('=', 2);
                    (host.Sysctls ??= new Dictionary<string, string>())[sysctl[0]] = sysctl.Length > 1 ? sysctl[1] : string.Empty;
                    break;
                case "--tmpfs":
                    var tmpfs = value.Split(':', 2);
                    (host.Tmpfs ??= new Dictionary<string, string>())[tmpfs[0]] = tmpfs.Length > 1 ? tmpfs[1] : string.Empty;
                    break;
                case "--user": parameters.User = value; break;
                case "--stop-signal": parameters.StopSignal = value; break;
                case "--stop-timeout": parameters.StopTimeout = TimeSpan.FromSeconds(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                default: throw Refused(configPath, arg, "it is not supported");
            }
        }
    }

    /// <summary>Returns the platform the runArgs ask for (the last <c>--platform</c>, as docker reads it), or none.</summary>
    /// <param name="args">The runArgs.</param>
    /// <returns>The platform, for example <c>linux/amd64</c>.</returns>
    public static string? PlatformOf(IReadOnlyList<string> args)
    {
        string? platform = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--platform=", StringComparison.Ordinal))
            {
                platform = args[i]["--platform=".Length..];
            }
            else if (args[i] == "--platform" && i + 1 < args.Count)
            {
                platform = args[++i];
            }
        }

        return platform;
    }

    private static long ParseSize(string value, string configPath, string arg)
    {
        var text = value.Trim().ToLowerInvariant().TrimEnd('b');
        var factor = text.Length > 0 ? text[^1] switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 1L } : 1L;
        var number = factor == 1 ? text : text[..^1];
        return long.TryParse(number, out var parsed) ? parsed * factor : throw Refused(configPath, arg, $"'{value}' is not a size");
    }

    private static GitspaceException Refused(string configPath, string arg, string why) =>
        new(ErrorCodes.DevcontainerInvalid, $"{configPath}: runArgs '{arg}' is not supported: {why}.", new ErrorData
        {
            Kind = nameof(ErrorCodes.DevcontainerInvalid),
            Diagnostics = [new Diagnostic { File = configPath, Line = 1, Column = 1, Severity = "error", Code = "unsupported-run-arg", Message = $"runArgs '{arg}': {why}.", Path = "$.runArgs" }],
            Hint = "See docs/docker-provider.md for the runArgs the Docker provider accepts.",
        });
}
