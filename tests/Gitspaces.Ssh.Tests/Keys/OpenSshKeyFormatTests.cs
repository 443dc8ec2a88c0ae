using System.Security.Cryptography;
using Gitspaces.Ssh.Keys;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.Keys;

public class OpenSshKeyFormatTests
{
    [Fact]
    public async Task ssh_keygen_reads_our_public_key_line_and_agrees_on_the_fingerprint()
    {
        using var temp = new TempDirectory();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = temp.Combine("key.pub");
        await File.WriteAllTextAsync(path, OpenSshKeyFormat.PublicKeyLine(key, "gitspace-test") + "\n");

        var result = await Run.CheckedAsync("ssh-keygen", "-l", "-f", path);

        Assert.Equal($"256 {OpenSshKeyFormat.Fingerprint(key)} gitspace-test (ECDSA)", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task ssh_keygen_derives_the_same_public_key_from_our_PEM_private_key()
    {
        using var temp = new TempDirectory();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = temp.Combine("id_ecdsa");
        Gitspaces.Core.State.StatePaths.WritePrivateFile(path, System.Text.Encoding.ASCII.GetBytes(key.ExportECPrivateKeyPem() + "\n"));

        var result = await Run.CheckedAsync("ssh-keygen", "-y", "-f", path);

        Assert.Equal(OpenSshKeyFormat.PublicKeyLine(key, comment: null), result.StandardOutput.Trim());
    }

    [Fact]
    public void Other_curves_are_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => OpenSshKeyFormat.PublicKeyBlob(key));
    }
}
