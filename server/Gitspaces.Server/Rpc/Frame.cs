namespace Gitspaces.Server.Rpc;

/// <summary>One <c>Content-Length</c> framed message read from a stream, or why it could not be read.</summary>
/// <param name="Body">The body bytes, when the header was valid.</param>
/// <param name="HeaderError">Why the header was rejected, when it was.</param>
internal readonly record struct Frame(byte[]? Body, string? HeaderError);
