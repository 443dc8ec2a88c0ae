namespace Gitspaces.DevContainers.Features;

/// <summary>An OCI artifact reference <c>registry/namespace/id[:tag|@sha256:digest]</c>, lower-cased as the reference does.</summary>
public sealed record OciReference
{
    /// <summary>Gets the registry host (and port).</summary>
    public required string Registry { get; init; }

    /// <summary>Gets the repository path inside the registry (<c>devcontainers/features/go</c>).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the Feature id: the last path segment.</summary>
    public string Id => this.Path[(this.Path.LastIndexOf('/') + 1)..];

    /// <summary>Gets the tag (<c>latest</c> when neither tag nor digest is given), or null with a digest.</summary>
    public string? Tag { get; init; }

    /// <summary>Gets the digest (<c>sha256:…</c>), or null with a tag.</summary>
    public string? Digest { get; init; }

    /// <summary>Gets <c>registry/path</c>, the resource without version.</summary>
    public string Resource => $"{this.Registry}/{this.Path}";

    /// <summary>Gets the tag or digest the manifest is fetched by.</summary>
    public string Version => this.Digest ?? this.Tag ?? "latest";

    /// <summary>Parses a reference; null with <paramref name="error"/> when it is not one.</summary>
    /// <param name="reference">The reference as written (any case).</param>
    /// <param name="error">Why it is not a valid reference.</param>
    public static OciReference? TryParse(string reference, out string? error)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var input = reference.ToLowerInvariant();
        string resource;
        string? tag = null, digest = null;
        var at = input.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            resource = input[..at];
            digest = input[(at + 1)..];
            if (!IsDigest(digest))
            {
                error = $"\"{reference}\": the digest must be sha256: and 64 hex digits.";
                return null;
            }
        }
        else
        {
            var lastSlash = input.LastIndexOf('/');
            var colon = input.LastIndexOf(':');
            if (colon > lastSlash)
            {
                resource = input[..colon];
                tag = input[(colon + 1)..];
            }
            else
            {
                resource = input;
                tag = "latest";
            }

            if (!IsTag(tag))
            {
                error = $"\"{reference}\": \"{tag}\" is not a valid tag.";
                return null;
            }
        }

        var firstSlash = resource.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash <= 0 || firstSlash == resource.Length - 1)
        {
            error = $"\"{reference}\" is not an OCI reference (registry/namespace/id).";
            return null;
        }

        var path = resource[(firstSlash + 1)..];
        if (!IsPath(path))
        {
            error = $"\"{reference}\": \"{path}\" is not a valid repository path.";
            return null;
        }

        error = null;
        return new OciReference { Registry = resource[..firstSlash], Path = path, Tag = tag, Digest = digest };
    }

    /// <inheritdoc/>
    public override string ToString() => this.Digest is null ? $"{this.Resource}:{this.Tag}" : $"{this.Resource}@{this.Digest}";

    // The reference's patterns, checked by hand: a read of every devcontainer.json with Features goes through here,
    // and a regex costs its engine's start-up in each short-lived process. JavaScript's `$` (no trailing newline)
    // is what these follow.

    // ^sha256:[a-f0-9]{64}$
    private static bool IsDigest(string value)
    {
        const string prefix = "sha256:";
        if (value.Length != prefix.Length + 64 || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    // ^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$
    private static bool IsTag(string value)
    {
        if (value.Length is 0 or > 128 || !(char.IsAsciiLetterOrDigit(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value.AsSpan(1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    // ^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$: components of lowercase letters and digits, single
    // separators inside a component, none at its ends.
    private static bool IsPath(string value)
    {
        var previous = '/';
        foreach (var c in value)
        {
            if (!IsAsciiAlphanumericLower(c) && (c is not ('.' or '_' or '-' or '/') || !IsAsciiAlphanumericLower(previous)))
            {
                return false;
            }

            previous = c;
        }

        return IsAsciiAlphanumericLower(previous);
    }

    private static bool IsAsciiAlphanumericLower(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
