using System.Text;
using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Variables;

/// <summary>
/// The reference's variable substitution (<c>variableSubstitution.ts</c>), phase by phase: <c>${…}</c> ends at the
/// first <c>}</c>, arguments split on every <c>:</c>, unknown or not-yet-known variables stay verbatim, only string
/// values change (never keys), numbers and booleans are left alone.
/// </summary>
public static class VariableSubstitution
{
    /// <summary>Substitutes the config-read variables: <c>localEnv</c>/<c>env</c>, <c>localWorkspaceFolder[Basename]</c> and <c>containerWorkspaceFolder[Basename]</c>.</summary>
    /// <param name="value">The value to substitute (not changed; a new tree is returned).</param>
    /// <param name="context">What the host knows.</param>
    /// <exception cref="VariableException"><c>${localEnv}</c> or <c>${env}</c> without a variable name, as the reference fails on it.</exception>
    public static JsonNode? SubstituteLocal(JsonNode? value, LocalSubstitutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resolver = new LocalResolver(context);
        return Transform(value, resolver.Resolve);
    }

    /// <summary>Substitutes the config-read variables in one string.</summary>
    /// <param name="value">The string.</param>
    /// <param name="context">What the host knows.</param>
    /// <exception cref="VariableException"><c>${localEnv}</c> or <c>${env}</c> without a variable name.</exception>
    public static string SubstituteLocal(string value, LocalSubstitutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new LocalResolver(context).Resolve(value);
    }

    /// <summary>Substitutes <c>${devcontainerId}</c> (the phase before the container exists).</summary>
    /// <param name="value">The value to substitute (not changed; a new tree is returned).</param>
    /// <param name="devcontainerId">The id from <see cref="DevContainerId.Compute"/>.</param>
    public static JsonNode? SubstituteDevContainerId(JsonNode? value, string devcontainerId)
        => Transform(value, s => Replace(s, (match, name, _) => name == "devcontainerId" ? devcontainerId : match));

    /// <summary>Substitutes <c>${containerEnv:X}</c> and <c>${containerEnv:X:default}</c> against a running container's environment.</summary>
    /// <param name="value">The value to substitute (not changed; a new tree is returned).</param>
    /// <param name="containerEnvironment">The container's environment (<c>docker inspect</c> Config.Env, split on the first '=').</param>
    /// <param name="isWindows">Whether names are matched case-insensitively, as the reference does on Windows hosts.</param>
    /// <exception cref="VariableException"><c>${containerEnv}</c> without a variable name.</exception>
    public static JsonNode? SubstituteContainerEnv(JsonNode? value, IReadOnlyDictionary<string, string> containerEnvironment, bool isWindows = false)
    {
        ArgumentNullException.ThrowIfNull(containerEnvironment);
        var environment = new EnvironmentLookup(containerEnvironment, isWindows);
        return Transform(value, s => Replace(s, (match, name, args) => name == "containerEnv" ? environment.Lookup(match, args, null) : match));
    }

    /// <summary>Copies <paramref name="node"/>, passing every string value (not keys) through <paramref name="resolveString"/>.</summary>
    internal static JsonNode? Transform(JsonNode? node, Func<string, string> resolveString)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy.Add(key, Transform(child, resolveString));
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array)
                {
                    items.Add(Transform(child, resolveString));
                }

                return items;
            default:
                var value = (JsonValue)node;
                return Model.ConfigBinder.String(value) is { } text ? JsonValue.Create(resolveString(text)) : value.DeepClone();
        }
    }

    /// <summary>Replaces each <c>${name[:arg…]}</c> in <paramref name="value"/> with what <paramref name="replace"/> returns for it.</summary>
    internal static string Replace(string value, Func<string, string, string[], string> replace)
    {
        // The reference's pattern is /\$\{(.*?)\}/g: from "${" to the first "}", where JavaScript's '.' matches no line
        // terminator. Scanned by hand: a regular expression costs a process that reads one file more to set up
        // (compiling the matcher's generic code) than the whole read.
        var start = value.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var copied = 0;
        while (start >= 0)
        {
            var end = start + 2;
            while (end < value.Length && value[end] != '}' && !IsLineTerminator(value[end]))
            {
                end++;
            }

            if (end < value.Length && value[end] == '}')
            {
                var parts = value[(start + 2)..end].Split(':');
                result.Append(value, copied, start - copied).Append(replace(value[start..(end + 1)], parts[0], parts.Length > 1 ? parts[1..] : []));
                copied = end + 1;
                start = value.IndexOf("${", copied, StringComparison.Ordinal);
            }
            else
            {
                // No "}" before a line terminator: no match here; the next one may start inside the rest.
                start = value.IndexOf("${", start + 1, StringComparison.Ordinal);
            }
        }

        return result.Append(value, copied, value.Length - copied).ToString();
    }

    private static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    private sealed class LocalResolver(LocalSubstitutionContext context)
    {
        private readonly EnvironmentLookup environment = new(context.Environment, context.IsWindows);
        private string? containerWorkspaceFolder;
        private bool containerWorkspaceFolderResolved;

        public string Resolve(string value) => Replace(value, this.ReplaceOne);

        private string ReplaceOne(string match, string name, string[] args)
        {
            switch (name)
            {
                case "env":
                case "localEnv":
                    return this.environment.Lookup(match, args, context.ConfigFileName);
                case "localWorkspaceFolder":
                    return context.LocalWorkspaceFolder ?? match;
                case "localWorkspaceFolderBasename":
                    return context.LocalWorkspaceFolder is { } local ? Basename(local, context.IsWindows) : match;
                case "containerWorkspaceFolder":
                    return this.ContainerWorkspaceFolder() ?? match;
                case "containerWorkspaceFolderBasename":
                    return this.ContainerWorkspaceFolder() is { } folder ? Basename(folder, windows: false) : match;
                default:
                    return match;
            }
        }

        private string? ContainerWorkspaceFolder()
        {
            if (!this.containerWorkspaceFolderResolved)
            {
                this.containerWorkspaceFolderResolved = true;
                var raw = context.ContainerWorkspaceFolder;

                // The reference substitutes the folder itself first, with the folder still unresolved inside it.
                this.containerWorkspaceFolder = string.IsNullOrEmpty(raw) ? raw : Replace(raw, this.ReplaceOne);
            }

            return this.containerWorkspaceFolder;
        }

        private static string Basename(string path, bool windows)
        {
            var trimmed = path.AsSpan().TrimEnd(windows ? "/\\" : "/");
            if (trimmed.IsEmpty)
            {
                return string.Empty;
            }

            var separator = windows ? trimmed.LastIndexOfAny('/', '\\') : trimmed.LastIndexOf('/');
            return trimmed[(separator + 1)..].ToString();
        }
    }

    private sealed class EnvironmentLookup
    {
        private readonly IReadOnlyDictionary<string, string> environment;

        public EnvironmentLookup(IReadOnlyDictionary<string, string> environment, bool isWindows)
        {
            if (isWindows)
            {
                var folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in environment)
                {
                    folded[key] = value;
                }

                environment = folded;
            }

            this.environment = environment;
        }

        public string Lookup(string match, string[] args, string? configFileName)
        {
            if (args.Length == 0)
            {
                var where = configFileName is null ? string.Empty : $" in {configFileName}";
                throw new VariableException($"'{match}'{where} can not be resolved because no environment variable name is given.");
            }

            if (this.environment.TryGetValue(args[0], out var value))
            {
                return value;
            }

            // Only the first argument after the name is the default: "${localEnv:X:http://h:80}" gives "http".
            return args.Length > 1 ? args[1] : string.Empty;
        }
    }
}
