namespace Gitspaces.Core.Ports;

/// <summary>
/// A port channel stream that can say "no more bytes from this side" while still reading the other side's answer, as
/// a TCP half-close does. A forward passes a client's half-close on with it, so a server that reads to the end of its
/// request still answers.
/// </summary>
public interface IHalfClosable
{
    /// <summary>Ends the bytes going to the port; reading goes on.</summary>
    void CloseWrite();
}
