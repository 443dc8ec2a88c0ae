using System.Security.Cryptography;
using System.Text;
using Gitspaces.Core.Errors;
using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;

namespace Gitspaces.Ssh.Keys;

/// <summary>
/// Keeps each gitspace's SSH keys in <c>&lt;state&gt;/gitspaces/&lt;provider&gt;/&lt;id&gt;/ssh/</c> (0700): the client
/// key the editor logs in with (<c>id_ecdsa</c>, 0600) and the host key sshd presents (<c>ssh_host_ecdsa_key</c>,
/// 0600). Both are P-256 keys in PEM, which OpenSSH reads as they are.
/// </summary>
public sealed class SshIdentityStore : ISshIdentityStore
{
    /// <summary>The client private key's file name.</summary>
    public const string ClientKeyFileName = "id_ecdsa";

    /// <summary>The host private key's file name.</summary>
    public const string HostKeyFileName = "ssh_host_ecdsa_key";

    private readonly StatePaths paths;

    /// <summary>Initializes a new instance of the <see cref="SshIdentityStore"/> class.</summary>
    /// <param name="paths">The state directory.</param>
    public SshIdentityStore(StatePaths paths)
    {
        this.paths = paths;
    }

    /// <summary>Returns the folder that holds a gitspace's keys (it may not exist).</summary>
    /// <param name="provider">The provider id.</param>
    /// <param name="gitspaceId">The gitspace id.</param>
    /// <returns>The folder.</returns>
    public string KeyDirectory(string provider, string gitspaceId) =>
        Path.Combine(this.paths.GitspaceDirectoryPath(provider, gitspaceId), "ssh");

    /// <inheritdoc/>
    public SshIdentity GetOrCreate(string provider, string gitspaceId)
    {
        var directory = StatePaths.EnsurePrivateDirectory(this.KeyDirectory(provider, gitspaceId));
        var clientKeyPath = Path.Combine(directory, ClientKeyFileName);
        using var client = LoadOrCreateKey(clientKeyPath);
        using var host = LoadOrCreateKey(Path.Combine(directory, HostKeyFileName));
        var clientPublicKey = OpenSshKeyFormat.PublicKeyLine(client, "gitspace-" + gitspaceId);

        // The .pub file is for people and ssh-keygen; the private key stays the source of truth.
        WriteIfChanged(clientKeyPath + ".pub", clientPublicKey + "\n");
        return new SshIdentity
        {
            ClientPublicKey = clientPublicKey,
            ClientPrivateKeyPath = clientKeyPath,
            HostPrivateKeyPem = host.ExportECPrivateKeyPem() + "\n",
            HostPublicKey = OpenSshKeyFormat.PublicKeyLine(host, comment: null),
        };
    }

    /// <inheritdoc/>
    public void Remove(string provider, string gitspaceId)
    {
        var directory = this.KeyDirectory(provider, gitspaceId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ECDsa LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        using (var created = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var temp = path + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            StatePaths.WritePrivateFile(temp, Encoding.ASCII.GetBytes(created.ExportECPrivateKeyPem() + "\n"));
            try
            {
                // No overwrite: when another process made the key first, theirs is the one that gets installed.
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        return Load(path);
    }

    private static ECDsa Load(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new GitspaceException($"The SSH key '{path}' is not a PEM EC private key. Delete it and connect again to have a new one made.", e);
        }
    }

    private static void WriteIfChanged(string path, string contents)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != contents)
        {
            StatePaths.WritePrivateFile(path, Encoding.ASCII.GetBytes(contents));
        }
    }
}
