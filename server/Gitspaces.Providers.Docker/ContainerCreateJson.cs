using System.Text.Json;
using Docker.DotNet.Models;

namespace Gitspaces.Providers.Docker;

/// <summary>
/// Writes the body of <c>POST /containers/create</c> for the parameters <see cref="ContainerSpec"/>,
/// <see cref="RunArgs"/> and <see cref="Ports"/> fill, with <see cref="Utf8JsonWriter"/>: Docker.DotNet's
/// Newtonsoft.Json serializer costs a short-lived process tens of milliseconds of start-up on the path of every
/// <c>up</c>. Only what those builders set is written (a test compares it with Docker.DotNet's own output); anything
/// else left unset means the engine's default, as it does in Docker.DotNet's request.
/// </summary>
internal static class ContainerCreateJson
{
    /// <summary>Writes the body.</summary>
    /// <param name="parameters">The parameters (their <c>Name</c> goes in the query, not the body).</param>
    /// <returns>The JSON.</returns>
    public static byte[] Write(CreateContainerParameters parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteString(writer, "Image", parameters.Image);
            WriteString(writer, "User", parameters.User);
            WriteString(writer, "Hostname", parameters.Hostname);
            WriteStrings(writer, "Env", parameters.Env);
            WriteStrings(writer, "Entrypoint", parameters.Entrypoint);
            WriteStrings(writer, "Cmd", parameters.Cmd);
            WriteMap(writer, "Labels", parameters.Labels);
            if (parameters.ExposedPorts is { } exposed)
            {
                writer.WriteStartObject("ExposedPorts");
                foreach (var port in exposed.Keys)
                {
                    writer.WriteStartObject(port);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            WriteString(writer, "StopSignal", parameters.StopSignal);
            if (parameters.StopTimeout is { } stopTimeout)
            {
                writer.WriteNumber("StopTimeout", (long)stopTimeout.TotalSeconds);
            }

            if (parameters.HostConfig is { } host)
            {
                writer.WriteStartObject("HostConfig");
                WriteHostConfig(writer, host);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteHostConfig(Utf8JsonWriter writer, HostConfig host)
    {
        if (host.Mounts is { } mounts)
        {
            writer.WriteStartArray("Mounts");
            foreach (var mount in mounts)
            {
                writer.WriteStartObject();
                WriteString(writer, "Type", mount.Type);
                WriteString(writer, "Source", mount.Source);
                WriteString(writer, "Target", mount.Target);
                if (mount.ReadOnly)
                {
                    writer.WriteBoolean("ReadOnly", true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (host.Init is { } init)
        {
            writer.WriteBoolean("Init", init);
        }

        if (host.Privileged)
        {
            writer.WriteBoolean("Privileged", true);
        }

        WriteStrings(writer, "CapAdd", host.CapAdd);
        WriteStrings(writer, "CapDrop", host.CapDrop);
        WriteStrings(writer, "SecurityOpt", host.SecurityOpt);
        WriteStrings(writer, "ExtraHosts", host.ExtraHosts);
        WriteStrings(writer, "Dns", host.DNS);
        WriteStrings(writer, "DnsSearch", host.DNSSearch);
        WriteStrings(writer, "DnsOptions", host.DNSOptions);
        WriteString(writer, "IpcMode", host.IpcMode);
        WriteString(writer, "PidMode", host.PidMode);
        WriteString(writer, "NetworkMode", host.NetworkMode);
        WriteNumber(writer, "Memory", host.Memory);
        WriteNumber(writer, "ShmSize", host.ShmSize);
        WriteNumber(writer, "NanoCpus", host.NanoCPUs);
        if (host.PidsLimit is { } pidsLimit)
        {
            writer.WriteNumber("PidsLimit", pidsLimit);
        }

        WriteMap(writer, "Sysctls", host.Sysctls);
        WriteMap(writer, "Tmpfs", host.Tmpfs);
        if (host.PortBindings is { } bindings)
        {
            writer.WriteStartObject("PortBindings");
            foreach (var (port, hosts) in bindings)
            {
                writer.WriteStartArray(port);
                foreach (var binding in hosts)
                {
                    writer.WriteStartObject();
                    WriteString(writer, "HostIp", binding.HostIP);
                    WriteString(writer, "HostPort", binding.HostPort);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
