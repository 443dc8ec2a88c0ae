using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>Publishes container ports on 127.0.0.1 only: a gitspace is never reachable from the network by accident.</summary>
internal static class Ports
{
    /// <summary>Adds a publish (<c>N</c>, <c>H:C</c>, <c>127.0.0.1:H:C</c>, with an optional <c>/udp</c>).</summary>
    /// <param name="parameters">The container parameters.</param>
    /// <param name="value">The port spec.</param>
    /// <param name="configPath">The configuration file, for messages.</param>
    public static void Publish(CreateContainerParameters parameters, string value, string configPath)
    {
        var protocol = value.Contains('/', StringComparison.Ordinal) ? value[(value.IndexOf('/', StringComparison.Ordinal) + 1)..] : "tcp";
        var parts = value.Split('/')[0].Split(':');
        var (ip, hostPort, containerPort) = parts.Length switch
        {
            1 => ("127.0.0.1", parts[0], parts[0]),
            2 => ("127.0.0.1", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        if (ip is not ("127.0.0.1" or "localhost") || !int.TryParse(containerPort, out _))
        {
            throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{configPath}: the port '{value}' would be published on '{ip}'; gitspaces publish ports on 127.0.0.1 only.", new ErrorData
            {
                Kind = nameof(ErrorCodes.DevcontainerInvalid),
                Diagnostics = [new Diagnostic { File = configPath, Line = 1, Column = 1, Severity = "error", Code = "public-port", Message = $"The port '{value}' must be published on 127.0.0.1.", Path = "$.appPort" }],
            });
        }

        var key = containerPort + "/" + protocol;
        (parameters.ExposedPorts ??= new Dictionary<string, EmptyStruct>())[key] = default;
        parameters.HostConfig.PortBindings ??= new Dictionary<string, IList<PortBinding>>();
        if (!parameters.HostConfig.PortBindings.TryGetValue(key, out var bindings))
        {
            parameters.HostConfig.PortBindings[key] = bindings = [];
        }

        bindings.Add(new PortBinding { HostIP = "127.0.0.1", HostPort = hostPort });
    }
}
