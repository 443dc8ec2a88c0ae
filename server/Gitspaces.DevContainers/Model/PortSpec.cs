namespace Gitspaces.DevContainers.Model;

/// <summary>A port of <c>appPort</c> or <c>forwardPorts</c>: a number, or a string (<c>"8000:8010"</c>, <c>"db:5432"</c>).</summary>
/// <param name="Number">The port when written as a number.</param>
/// <param name="Text">The string when written as one.</param>
public sealed record PortSpec(long? Number, string? Text)
{
    /// <summary>Gets the <c>-p</c> argument the reference publishes an <c>appPort</c> with: a number N is <c>127.0.0.1:N:N</c>, a string is verbatim.</summary>
    public string ToPublishArgument() => this.Number is { } n ? $"127.0.0.1:{n}:{n}" : this.Text ?? string.Empty;

    /// <inheritdoc/>
    public override string ToString() => this.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? this.Text ?? string.Empty;
}
