using System.Text;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// One request from the helper inside a gitspace, as it arrives on the forwarded socket. The helper uses git's own
/// <c>git credential-cache --socket … get</c> as its socket client (git is all it needs inside), which puts
/// <c>action=get</c> and <c>timeout=…</c> in front of what the helper wrote; the helper's lines say what it wants:
/// <c>gitspaces=1</c>, <c>gitspaces-action=fill|approve|reject|docker-get</c>, then git's credential attributes.
/// </summary>
/// <param name="Action">What is asked.</param>
/// <param name="Attributes">git's credential attributes (<c>protocol</c>, <c>host</c>, <c>path</c>, <c>username</c>, …), in order.</param>
public sealed record CredentialRequest(CredentialAction Action, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <summary>The largest request read; git's requests are a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The protocol version the helper names (<c>gitspaces=1</c>).</summary>
    public const string Version = "1";

    /// <summary>The key of the version line.</summary>
    public const string VersionKey = "gitspaces";

    /// <summary>The key of the action line.</summary>
    public const string ActionKey = "gitspaces-action";

    /// <summary>Gets the first value of an attribute.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? this[string key] => this.Attributes.FirstOrDefault(a => a.Key == key) is { Key: not null } found ? found.Value : null;

    /// <summary>Reads a request.</summary>
    /// <param name="bytes">What arrived before the other side closed its half of the connection.</param>
    /// <returns>The request, or <see langword="null"/> when it is not one of ours (wrong version, unknown action, malformed).</returns>
    public static CredentialRequest? Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        if (CredentialLines.Parse(text) is not { } pairs)
        {
            return null;
        }

        string? version = null, action = null;
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            switch (pair.Key)
            {
                // What git credential-cache's client puts in front: not ours to act on.
                case "action" or "timeout":
                    break;
                case VersionKey:
                    version ??= pair.Value;
                    break;
                case ActionKey:
                    action ??= pair.Value;
                    break;
                default:
                    if (!pair.Key.StartsWith(VersionKey + "-", StringComparison.Ordinal))
                    {
                        attributes.Add(pair);
                    }

                    break;
            }
        }

        CredentialAction? parsed = action switch
        {
            "fill" => CredentialAction.Fill,
            "approve" => CredentialAction.Approve,
            "reject" => CredentialAction.Reject,
            "docker-get" => CredentialAction.DockerGet,
            _ => null,
        };
        return version == Version && parsed is { } known ? new CredentialRequest(known, attributes) : null;
    }

    /// <summary>Writes the request as the helper does (without the credential-cache client's lines).</summary>
    /// <returns>The text.</returns>
    public string Encode()
    {
        var action = this.Action switch
        {
            CredentialAction.Fill => "fill",
            CredentialAction.Approve => "approve",
            CredentialAction.Reject => "reject",
            _ => "docker-get",
        };
        return CredentialLines.Format([new(VersionKey, Version), new(ActionKey, action), .. this.Attributes]);
    }

    /// <summary>Returns the request without any secret, for a log line: the action and the URL's protocol, host and path.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var where = this.Action == CredentialAction.DockerGet
            ? this["server"] ?? "?"
            : $"{this["protocol"] ?? "?"}://{this["host"] ?? "?"}/{this["path"]}";
        return $"{this.Action} {where}";
    }
}
