using System.Text;

namespace Gitspaces.Git.Credentials;

/// <summary>
/// The sidecar's answer to one <see cref="CredentialRequest"/>: <c>gitspaces-status=ok|none|error</c>, an optional
/// <c>gitspaces-message=…</c> the helper prints on git's stderr, then the credential attributes git reads. The helper
/// removes the <c>gitspaces-</c> lines before git sees the rest; an empty answer means nobody was listening.
/// </summary>
/// <param name="Status">How it went.</param>
/// <param name="Message">One line for the user, or <see langword="null"/>.</param>
/// <param name="Attributes">What git reads (<c>username</c>, <c>password</c>, …); empty unless a fill succeeded.</param>
public sealed record CredentialAnswer(CredentialAnswerStatus Status, string? Message, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    /// <summary>The key of the status line.</summary>
    public const string StatusKey = "gitspaces-status";

    /// <summary>The key of the message line.</summary>
    public const string MessageKey = "gitspaces-message";

    /// <summary>Returns a plain success.</summary>
    /// <returns>The answer.</returns>
    public static CredentialAnswer Done() => new(CredentialAnswerStatus.Ok, null, []);

    /// <summary>Returns a failure the user should read.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <returns>The answer.</returns>
    public static CredentialAnswer Failed(string message) => new(CredentialAnswerStatus.Error, message, []);

    /// <summary>Writes the answer.</summary>
    /// <returns>The bytes to send back.</returns>
    public byte[] Encode()
    {
        var status = this.Status switch
        {
            CredentialAnswerStatus.Ok => "ok",
            CredentialAnswerStatus.None => "none",
            _ => "error",
        };
        List<KeyValuePair<string, string>> lines = [new(StatusKey, status)];
        if (!string.IsNullOrWhiteSpace(this.Message))
        {
            // One line: the helper prints it as is.
            lines.Add(new(MessageKey, string.Join(' ', this.Message.Split(['\r', '\n', '\0'], StringSplitOptions.RemoveEmptyEntries))));
        }

        lines.AddRange(this.Attributes.Where(a => !a.Key.StartsWith(CredentialRequest.VersionKey, StringComparison.Ordinal)));
        return Encoding.UTF8.GetBytes(CredentialLines.Format(lines));
    }

    /// <summary>Returns the answer without any secret: its status and message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => this.Message is null ? this.Status.ToString() : $"{this.Status}: {this.Message}";
}
