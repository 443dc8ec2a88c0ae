using System.Text;
using System.Text.Json;

namespace Gitspaces.Docker.Engine;

/// <summary>
/// Reads and writes the few engine documents <see cref="EngineClient"/> handles with <see cref="Utf8JsonReader"/> and
/// <see cref="Utf8JsonWriter"/> directly: no serializer metadata to build and JIT-compile in a process that lives a
/// fraction of a second (<c>gitspaces list</c>, <c>start</c>, <c>ssh-proxy</c>). Fields we do not read are skipped.
/// </summary>
internal static class EngineJson
{
    /// <summary>Reads the answer of <c>GET /containers/json</c>.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The containers.</returns>
    public static List<EngineContainer> ReadContainers(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var containers = new List<EngineContainer>();
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string id = string.Empty, image = string.Empty, state = string.Empty;
            long created = 0;
            List<string> names = [];
            Dictionary<string, string>? labels = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Id"u8)) { id = ReadString(ref reader) ?? string.Empty; }
                else if (reader.ValueTextEquals("Names"u8)) { names = ReadStrings(ref reader); }
                else if (reader.ValueTextEquals("Image"u8)) { image = ReadString(ref reader) ?? string.Empty; }
                else if (reader.ValueTextEquals("State"u8)) { state = ReadString(ref reader) ?? string.Empty; }
                else if (reader.ValueTextEquals("Created"u8)) { created = ReadInt64(ref reader); }
                else if (reader.ValueTextEquals("Labels"u8)) { labels = ReadLabels(ref reader); }
                else { SkipValue(ref reader); }
            }

            containers.Add(new EngineContainer { Id = id, Names = names, Image = image, State = state, Created = created, Labels = labels });
        }

        return containers;
    }

    /// <summary>Reads the answer of <c>GET /volumes</c>.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The volumes.</returns>
    public static List<EngineVolume> ReadVolumes(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var volumes = new List<EngineVolume>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (!reader.ValueTextEquals("Volumes"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                SkipValue(ref reader, alreadyOnValue: reader.TokenType is not JsonTokenType.PropertyName);
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string name = string.Empty;
                Dictionary<string, string>? labels = null;
                while (NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("Name"u8)) { name = ReadString(ref reader) ?? string.Empty; }
                    else if (reader.ValueTextEquals("Labels"u8)) { labels = ReadLabels(ref reader); }
                    else { SkipValue(ref reader); }
                }

                volumes.Add(new EngineVolume { Name = name, Labels = labels });
            }
        }

        return volumes;
    }

    /// <summary>Reads what the provider needs of <c>GET /containers/{name}/json</c>.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The container.</returns>
    public static EngineContainerDetails ReadContainerDetails(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string id = string.Empty, name = string.Empty;
        string? created = null, status = null, image = null;
        var running = false;
        Dictionary<string, string>? labels = null;
        List<string>? env = null;
        List<EngineMountPoint>? mounts = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Id"u8)) { id = ReadString(ref reader) ?? string.Empty; }
            else if (reader.ValueTextEquals("Name"u8)) { name = ReadString(ref reader) ?? string.Empty; }
            else if (reader.ValueTextEquals("Created"u8)) { created = ReadString(ref reader); }
            else if (reader.ValueTextEquals("State"u8))
            {
                if (Enter(ref reader))
                {
                    while (NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("Status"u8)) { status = ReadString(ref reader); }
                        else if (reader.ValueTextEquals("Running"u8)) { running = ReadBoolean(ref reader); }
                        else { SkipValue(ref reader); }
                    }
                }
            }
            else if (reader.ValueTextEquals("Config"u8))
            {
                if (Enter(ref reader))
                {
                    while (NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("Labels"u8)) { labels = ReadLabels(ref reader); }
                        else if (reader.ValueTextEquals("Env"u8)) { env = ReadStrings(ref reader); }
                        else if (reader.ValueTextEquals("Image"u8)) { image = ReadString(ref reader); }
                        else { SkipValue(ref reader); }
                    }
                }
            }
            else if (reader.ValueTextEquals("Mounts"u8))
            {
                mounts = ReadMounts(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new EngineContainerDetails
        {
            Id = id,
            Name = name,
            Created = created,
            State = new EngineContainerState { Status = status, Running = running },
            Config = new EngineContainerConfig { Labels = labels, Env = env, Image = image },
            Mounts = mounts,
        };
    }

    /// <summary>Reads what the provider needs of <c>GET /images/{name}/json</c>.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The image.</returns>
    public static EngineImage ReadImage(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string id = string.Empty;
        string? user = null;
        List<string>? entrypoint = null, cmd = null;
        Dictionary<string, string>? labels = null;
        string? architecture = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Id"u8)) { id = ReadString(ref reader) ?? string.Empty; }
            else if (reader.ValueTextEquals("Architecture"u8)) { architecture = ReadString(ref reader); }
            else if (reader.ValueTextEquals("Config"u8))
            {
                if (Enter(ref reader))
                {
                    while (NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("User"u8)) { user = ReadString(ref reader); }
                        else if (reader.ValueTextEquals("Entrypoint"u8)) { entrypoint = ReadStrings(ref reader); }
                        else if (reader.ValueTextEquals("Cmd"u8)) { cmd = ReadStrings(ref reader); }
                        else if (reader.ValueTextEquals("Labels"u8)) { labels = ReadLabels(ref reader); }
                        else { SkipValue(ref reader); }
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new EngineImage { Id = id, User = user, Entrypoint = entrypoint, Cmd = cmd, Labels = labels, Architecture = architecture };
    }

    /// <summary>Reads what the provider needs of <c>GET /exec/{id}/json</c>.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The exec.</returns>
    public static EngineExecDetails ReadExecDetails(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var running = false;
        long? exitCode = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Running"u8)) { running = ReadBoolean(ref reader); }
            else if (reader.ValueTextEquals("ExitCode"u8)) { exitCode = reader.Read() && reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null; }
            else { SkipValue(ref reader); }
        }

        return new EngineExecDetails { Running = running, ExitCode = exitCode };
    }

    /// <summary>Reads one top-level string property (a create call's <c>Id</c>, an error's <c>message</c>).</summary>
    /// <param name="json">The body.</param>
    /// <param name="property">The property.</param>
    /// <returns>Its value, or <see langword="null"/>.</returns>
    public static string? ReadProperty(ReadOnlySpan<byte> json, string property)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals(property))
            {
                return ReadString(ref reader);
            }

            SkipValue(ref reader);
        }

        return null;
    }

    /// <summary>Writes the body of <c>POST /containers/{id}/exec</c>.</summary>
    /// <param name="exec">What to run and how.</param>
    /// <returns>The body.</returns>
    public static byte[] WriteExecCreate(EngineExecCreate exec) => Write(writer =>
    {
        writer.WriteStartObject();
        WriteStrings(writer, "Cmd", exec.Cmd);
        if (exec.User is not null)
        {
            writer.WriteString("User", exec.User);
        }

        if (exec.WorkingDir is not null)
        {
            writer.WriteString("WorkingDir", exec.WorkingDir);
        }

        if (exec.Env is not null)
        {
            WriteStrings(writer, "Env", exec.Env);
        }

        writer.WriteBoolean("AttachStdin", exec.AttachStdin);
        writer.WriteBoolean("AttachStdout", exec.AttachStdout);
        writer.WriteBoolean("AttachStderr", exec.AttachStderr);
        writer.WriteBoolean("Tty", exec.Tty);
        writer.WriteEndObject();
    });

    /// <summary>Writes the body of <c>POST /volumes/create</c>.</summary>
    /// <param name="name">The volume's name.</param>
    /// <param name="labels">Its labels.</param>
    /// <returns>The body.</returns>
    public static byte[] WriteVolumeCreate(string name, IReadOnlyDictionary<string, string> labels) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Name", name);
        writer.WriteStartObject("Labels");
        foreach (var (key, value) in labels)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>Writes a <c>filters</c> query value that keeps what carries every given label.</summary>
    /// <param name="labels">Label filters (<c>key</c> or <c>key=value</c>).</param>
    /// <returns>The JSON text.</returns>
    public static string WriteLabelFilters(IReadOnlyList<string> labels) => Encoding.UTF8.GetString(Write(writer =>
    {
        writer.WriteStartObject();
        WriteStrings(writer, "label", labels);
        writer.WriteEndObject();
    }));

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"The Docker engine answered with {reader.TokenType} where {type} was expected.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves onto an object value; false (having skipped it) when the value is not an object.</summary>
    private static bool Enter(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    private static void SkipValue(ref Utf8JsonReader reader, bool alreadyOnValue = false)
    {
        if (!alreadyOnValue)
        {
            reader.Read();
        }

        reader.Skip();
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.True;

    private static long ReadInt64(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : 0;

    private static List<EngineMountPoint> ReadMounts(ref Utf8JsonReader reader)
    {
        var mounts = new List<EngineMountPoint>();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return mounts;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? name = null, destination = null;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("Name"u8)) { name = ReadString(ref reader); }
                else if (reader.ValueTextEquals("Destination"u8)) { destination = ReadString(ref reader); }
                else { SkipValue(ref reader); }
            }

            mounts.Add(new EngineMountPoint { Name = name, Destination = destination });
        }

        return mounts;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var values = new List<string>();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return values;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                values.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return values;
    }

    private static Dictionary<string, string>? ReadLabels(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            if (ReadString(ref reader) is { } value)
            {
                labels[key] = value;
            }
        }

        return labels;
    }
}
