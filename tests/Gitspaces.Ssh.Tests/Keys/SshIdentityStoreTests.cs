using Gitspaces.Core.Errors;
using Gitspaces.Core.State;
using Gitspaces.Ssh.Keys;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.Keys;

public class SshIdentityStoreTests
{
    [Fact]
    public void Keys_are_private_files_in_a_private_folder()
    {
        using var temp = new TempDirectory();
        var store = new SshIdentityStore(new StatePaths(temp.Path, temp.Combine("config")));

        var identity = store.GetOrCreate("docker", "my-repo");

        var folder = store.KeyDirectory("docker", "my-repo");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(identity.ClientPrivateKeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, SshIdentityStore.HostKeyFileName)));
        Assert.StartsWith(folder, identity.ClientPrivateKeyPath, StringComparison.Ordinal);
        Assert.StartsWith("ecdsa-sha2-nistp256 AAAA", identity.ClientPublicKey, StringComparison.Ordinal);
        Assert.EndsWith(" gitspace-my-repo", identity.ClientPublicKey, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", identity.HostPrivateKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_keys_come_back_and_match_their_public_halves()
    {
        using var temp = new TempDirectory();
        var store = new SshIdentityStore(new StatePaths(temp.Path, temp.Combine("config")));

        var first = store.GetOrCreate("docker", "a");
        var second = new SshIdentityStore(new StatePaths(temp.Path, temp.Combine("config"))).GetOrCreate("docker", "a");
        var other = store.GetOrCreate("docker", "b");

        Assert.Equal(first, second);
        Assert.NotEqual(first.ClientPublicKey.Split(' ')[1], other.ClientPublicKey.Split(' ')[1]);
        Assert.NotEqual(first.HostPublicKey, other.HostPublicKey);
        var derived = await Run.CheckedAsync("ssh-keygen", "-y", "-f", first.ClientPrivateKeyPath);
        Assert.Equal(string.Join(' ', first.ClientPublicKey.Split(' ')[..2]), derived.StandardOutput.Trim());
        var hostKeyPath = Path.Combine(store.KeyDirectory("docker", "a"), SshIdentityStore.HostKeyFileName);
        var derivedHost = await Run.CheckedAsync("ssh-keygen", "-y", "-f", hostKeyPath);
        Assert.Equal(first.HostPublicKey, derivedHost.StandardOutput.Trim());
    }

    [Fact]
    public void Remove_deletes_the_keys_and_only_them()
    {
        using var temp = new TempDirectory();
        var paths = new StatePaths(temp.Path, temp.Combine("config"));
        var store = new SshIdentityStore(paths);
        store.GetOrCreate("docker", "a");
        var kept = store.GetOrCreate("docker", "b");
        var history = Path.Combine(paths.GitspaceDirectory("docker", "a"), "events.jsonl");
        File.WriteAllText(history, "{}\n");

        store.Remove("docker", "a");
        store.Remove("docker", "never-existed");

        Assert.False(Directory.Exists(store.KeyDirectory("docker", "a")));
        Assert.True(File.Exists(history));
        Assert.True(File.Exists(kept.ClientPrivateKeyPath));
    }

    [Fact]
    public void A_damaged_key_file_is_reported_with_what_to_do()
    {
        using var temp = new TempDirectory();
        var store = new SshIdentityStore(new StatePaths(temp.Path, temp.Combine("config")));
        var identity = store.GetOrCreate("docker", "a");
        File.WriteAllText(identity.ClientPrivateKeyPath, "not a key");

        var error = Assert.Throws<GitspaceException>(() => store.GetOrCreate("docker", "a"));

        Assert.Contains(identity.ClientPrivateKeyPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("Delete it", error.Message, StringComparison.Ordinal);
    }
}
