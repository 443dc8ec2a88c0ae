using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Gitspaces.Core.Errors;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker;

/// <summary>Turns devcontainer.json mounts (the <c>--mount</c> string or the object form) into engine mounts.</summary>
internal static class Mounts
{
    /// <summary>Parses a mount from devcontainer.json or image metadata.</summary>
    /// <param name="mount">A string (<c>type=…,source=…,target=…</c>) or an object.</param>
    /// <param name="configPath">The configuration file, for messages.</param>
    /// <returns>The engine mount.</returns>
    public static Mount Parse(JsonNode mount, string configPath) => mount switch
    {
        JsonObject obj => Build(obj["type"]?.ToString(), obj["source"]?.ToString(), obj["target"]?.ToString(), false, configPath, obj.ToJsonString()),
        _ => Parse(mount.ToString(), configPath),
    };

    /// <summary>Parses a mount in <c>--mount</c> syntax.</summary>
    /// <param name="text">The mount.</param>
    /// <param name="configPath">The configuration file, for messages.</param>
    /// <returns>The engine mount.</returns>
    public static Mount Parse(string text, string configPath)
    {
        string? type = null, source = null, target = null;
        var readOnly = false;
        foreach (var part in text.Split(','))
        {
            var pair = part.Split('=', 2);
            var key = pair[0].Trim();
            var value = pair.Length > 1 ? pair[1].Trim().Trim('"') : string.Empty;
            switch (key)
            {
                case "type": type = value; break;
                case "source" or "src": source = value; break;
                case "target" or "dst" or "destination": target = value; break;
                case "readonly" or "ro": readOnly = value is "" or "true" or "1"; break;
                default: break; // consistency and driver options do not apply to this engine's local mounts.
            }
        }

        return Build(type, source, target, readOnly, configPath, text);
    }

    private static Mount Build(string? type, string? source, string? target, bool readOnly, string configPath, string written)
    {
        if (string.IsNullOrEmpty(target) || type is not ("bind" or "volume" or "tmpfs"))
        {
            throw new GitspaceException(ErrorCodes.DevcontainerInvalid, $"{configPath}: the mount '{written}' needs type bind, volume or tmpfs and a target.", new ErrorData
            {
                Kind = nameof(ErrorCodes.DevcontainerInvalid),
                Diagnostics = [new Diagnostic { File = configPath, Line = 1, Column = 1, Severity = "error", Code = "invalid-mount", Message = $"The mount '{written}' needs type bind, volume or tmpfs and a target.", Path = "$.mounts" }],
            });
        }

        return new Mount { Type = type, Source = source ?? string.Empty, Target = target, ReadOnly = readOnly };
    }
}
