using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gitspaces.Ssh.Keys;

/// <summary>
/// Writes P-256 public keys the way OpenSSH reads them (<c>ecdsa-sha2-nistp256 AAAA… comment</c>, RFC 5656 §3.1),
/// so that no ssh-keygen is needed on the user's machine.
/// </summary>
internal static class OpenSshKeyFormat
{
    /// <summary>The key type name OpenSSH uses for P-256 keys.</summary>
    public const string KeyType = "ecdsa-sha2-nistp256";

    private const string CurveName = "nistp256";

    /// <summary>Returns the public half of a P-256 key as <c>ecdsa-sha2-nistp256 &lt;base64&gt;</c>, with an optional comment.</summary>
    /// <param name="key">A P-256 key.</param>
    /// <param name="comment">The comment appended after the key, or <see langword="null"/>.</param>
    /// <returns>The line, without a line ending.</returns>
    public static string PublicKeyLine(ECDsa key, string? comment)
    {
        var blob = Convert.ToBase64String(PublicKeyBlob(key));
        return string.IsNullOrEmpty(comment) ? $"{KeyType} {blob}" : $"{KeyType} {blob} {comment}";
    }

    /// <summary>Returns the SSH wire encoding of the public key: string type, string curve, string point (0x04 || X || Y).</summary>
    /// <param name="key">A P-256 key.</param>
    /// <returns>The blob that OpenSSH base64-encodes in key lines.</returns>
    public static byte[] PublicKeyBlob(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("Only P-256 keys are written.", nameof(key));
        }

        var x = parameters.Q.X!;
        var y = parameters.Q.Y!;
        var point = new byte[1 + x.Length + y.Length];
        point[0] = 0x04;
        x.CopyTo(point, 1);
        y.CopyTo(point, 1 + x.Length);

        using var buffer = new MemoryStream();
        WriteString(buffer, Encoding.ASCII.GetBytes(KeyType));
        WriteString(buffer, Encoding.ASCII.GetBytes(CurveName));
        WriteString(buffer, point);
        return buffer.ToArray();
    }

    /// <summary>Returns OpenSSH's SHA256 fingerprint of a key (<c>SHA256:…</c>, as <c>ssh-keygen -l</c> prints it).</summary>
    /// <param name="key">A P-256 key.</param>
    /// <returns>The fingerprint.</returns>
    public static string Fingerprint(ECDsa key) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(PublicKeyBlob(key))).TrimEnd('=');

    private static void WriteString(Stream stream, ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        stream.Write(length);
        stream.Write(value);
    }
}
