namespace Gitspaces.Protocol;

/// <summary>Facts about the protocol itself.</summary>
public static class ProtocolInfo
{
    /// <summary>The protocol's version. The minor number grows with additions; the major with breaking changes.</summary>
    public const string Version = "1.0";
}
