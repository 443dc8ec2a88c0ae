using Gitspaces.Core.Ssh;
using Gitspaces.Core.State;
using Gitspaces.Ssh.Config;
using Gitspaces.Ssh.Keys;
using Gitspaces.Ssh.Tests.Support;
using Xunit;

namespace Gitspaces.Ssh.Tests.Config;

/// <summary>What the registry writes, read back by the real ssh (<c>ssh -G</c> prints the options it would use).</summary>
public sealed class SshHostRegistryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Home => this.temp.Combine("home");

    private string UserConfigPath => this.temp.Combine("home", ".ssh", "config");

    public void Dispose() => this.temp.Dispose();

    [Fact]
    public async Task ssh_resolves_the_alias_to_our_proxy_keys_and_pinned_host_key()
    {
        var (registry, identity) = this.Create("state");

        var alias = registry.Register(Registration("docker", "my-repo", identity));
        var options = await this.EffectiveOptionsAsync(alias);

        Assert.Equal("gitspace-my-repo", alias);
        Assert.Equal("vscode", options["user"]);
        Assert.Equal(identity.ClientPrivateKeyPath, options["identityfile"]);
        Assert.Equal("yes", options["identitiesonly"]);
        Assert.Equal("/opt/gitspaces/gitspaces ssh-proxy --provider docker my-repo", options["proxycommand"]);
        Assert.Equal(registry.KnownHostsPath, options["userknownhostsfile"]);
        Assert.Equal("true", options["stricthostkeychecking"]);
        Assert.Equal(alias, options["hostkeyalias"]);
        Assert.Equal("15", options["serveraliveinterval"]);
        Assert.Equal("4", options["serveralivecountmax"]);
        Assert.Equal("false", options["controlmaster"]);
        Assert.Equal($"{alias} {identity.HostPublicKey}\n", await File.ReadAllTextAsync(registry.KnownHostsPath));
    }

    [Fact]
    public async Task Paths_with_spaces_quotes_and_percent_signs_reach_ssh_unchanged()
    {
        var (registry, identity) = this.Create("state dir \"q\" 100%", sidecar: "/opt/My Tools/it's/gitspaces");

        var alias = registry.Register(Registration("docker", "x", identity));
        var options = await this.EffectiveOptionsAsync(alias);

        // ssh -G prints IdentityFile before expanding %% (the end-to-end tests connect through such a path).
        Assert.Equal(identity.ClientPrivateKeyPath.Replace("%", "%%", StringComparison.Ordinal), options["identityfile"]);
        Assert.Equal(registry.KnownHostsPath, options["userknownhostsfile"]);
        Assert.Equal("'/opt/My Tools/it'\\''s/gitspaces' ssh-proxy --provider docker x", options["proxycommand"]);
    }

    [Fact]
    public async Task The_users_own_hosts_and_wildcards_keep_working_and_cannot_shadow_ours()
    {
        this.WriteUserConfig("Host mine\n    HostName example.com\n    User bob\n\nHost *\n    User everyone\n    StrictHostKeyChecking no\n    ProxyCommand none\n");
        var (registry, identity) = this.Create("state");

        var alias = registry.Register(Registration("docker", "a", identity));
        var ours = await this.EffectiveOptionsAsync(alias);
        var mine = await this.EffectiveOptionsAsync("mine");

        Assert.Equal("vscode", ours["user"]);
        Assert.Equal("true", ours["stricthostkeychecking"]);
        Assert.StartsWith("/opt/gitspaces/gitspaces ssh-proxy", ours["proxycommand"], StringComparison.Ordinal);
        Assert.Equal("bob", mine["user"]);
        Assert.Equal("example.com", mine["hostname"]);
        Assert.False(mine.ContainsKey("proxycommand"));
    }

    [Fact]
    public void Registering_again_rewrites_nothing()
    {
        var (registry, identity) = this.Create("state");
        registry.Register(Registration("docker", "a", identity));
        var stamps = new[] { this.UserConfigPath, registry.ConfigPath, registry.KnownHostsPath }.Select(File.GetLastWriteTimeUtc).ToList();
        var bytes = File.ReadAllBytes(this.UserConfigPath);
        File.SetLastWriteTimeUtc(this.UserConfigPath, stamps[0].AddMinutes(-5));

        var alias = registry.Register(Registration("docker", "a", identity));

        Assert.Equal("gitspace-a", alias);
        Assert.Equal(bytes, File.ReadAllBytes(this.UserConfigPath));
        Assert.Equal(stamps[0].AddMinutes(-5), File.GetLastWriteTimeUtc(this.UserConfigPath));
        Assert.Equal(stamps[1], File.GetLastWriteTimeUtc(registry.ConfigPath));
    }

    [Fact]
    public void A_missing_ssh_folder_and_config_are_created_private()
    {
        var (registry, identity) = this.Create("state");

        registry.Register(Registration("docker", "a", identity));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(this.UserConfigPath)!));
        foreach (var file in new[] { this.UserConfigPath, registry.ConfigPath, registry.KnownHostsPath })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void The_same_id_under_two_providers_gets_two_aliases_and_each_keeps_its_own()
    {
        var (registry, identity) = this.Create("state");

        var docker = registry.Register(Registration("docker", "app", identity));
        var harness = registry.Register(Registration("harness", "app", identity));
        var odd = registry.Register(Registration("harness", "Odd Name*?", identity));

        Assert.Equal("gitspace-app", docker);
        Assert.Equal("gitspace-app-harness", harness);
        Assert.Equal("gitspace-odd-name", odd);
        Assert.Equal(harness, registry.Register(Registration("harness", "app", identity)));
        Assert.Equal(harness, registry.FindAlias("harness", "app"));
        Assert.Null(registry.FindAlias("docker", "other"));
    }

    [Fact]
    public void Unregister_removes_only_that_entry_and_its_known_host_and_the_block_goes_with_the_last_one()
    {
        var original = "Host mine\r\n    User me"u8.ToArray();
        this.WriteUserConfig(original);
        var (registry, identity) = this.Create("state");
        registry.Register(Registration("docker", "a", identity));
        registry.Register(Registration("docker", "b", identity));

        registry.Unregister("docker", "a");
        var configAfterFirst = File.ReadAllText(registry.ConfigPath);
        var userConfigAfterFirst = File.ReadAllBytes(this.UserConfigPath);
        registry.Unregister("docker", "b");
        registry.Unregister("docker", "never-registered");

        Assert.DoesNotContain("gitspace-a", configAfterFirst, StringComparison.Ordinal);
        Assert.Contains("Host gitspace-b", configAfterFirst, StringComparison.Ordinal);
        Assert.True(UserSshConfig.HasManagedBlock(userConfigAfterFirst));
        Assert.Equal(original, File.ReadAllBytes(this.UserConfigPath));
        Assert.Equal(string.Empty, File.ReadAllText(registry.KnownHostsPath));
        Assert.DoesNotContain("\nHost ", File.ReadAllText(registry.ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_state_homes_keep_one_include_each_and_neither_moves_or_removes_the_others()
    {
        var (first, firstIdentity) = this.Create("home-a");
        var (second, secondIdentity) = this.Create("home-b");

        var firstAlias = first.Register(Registration("docker", "of-a", firstIdentity));
        var secondAlias = second.Register(Registration("docker", "of-b", secondIdentity));
        first.Register(Registration("docker", "of-a", firstIdentity));

        // ssh reaches both homes' gitspaces, each with its own key.
        Assert.Equal(firstIdentity.ClientPrivateKeyPath, (await this.EffectiveOptionsAsync(firstAlias))["identityfile"]);
        Assert.Equal(secondIdentity.ClientPrivateKeyPath, (await this.EffectiveOptionsAsync(secondAlias))["identityfile"]);

        // The first home's last gitspace goes: its Include goes, the second's stays and still resolves.
        first.Unregister("docker", "of-a");
        var userConfig = await File.ReadAllTextAsync(this.UserConfigPath);

        Assert.DoesNotContain(first.ConfigPath, userConfig, StringComparison.Ordinal);
        Assert.Contains(second.ConfigPath, userConfig, StringComparison.Ordinal);
        Assert.Equal(secondIdentity.ClientPrivateKeyPath, (await this.EffectiveOptionsAsync(secondAlias))["identityfile"]);

        second.Unregister("docker", "of-b");
        Assert.False(UserSshConfig.HasManagedBlock(File.ReadAllBytes(this.UserConfigPath)));
    }

    [Fact]
    public void A_symlinked_config_is_edited_where_it_lives()
    {
        var dotfiles = this.temp.Combine("dotfiles", "ssh_config");
        Directory.CreateDirectory(Path.GetDirectoryName(dotfiles)!);
        File.WriteAllText(dotfiles, "Host mine\n    User me\n");
        StatePaths.EnsurePrivateDirectory(Path.GetDirectoryName(this.UserConfigPath)!);
        File.CreateSymbolicLink(this.UserConfigPath, dotfiles);
        var (registry, identity) = this.Create("state");

        registry.Register(Registration("docker", "a", identity));

        Assert.NotNull(new FileInfo(this.UserConfigPath).LinkTarget);
        Assert.Contains("Include", File.ReadAllText(dotfiles), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_config_file_path_with_a_tilde_is_taken_from_HOME()
    {
        var paths = new StatePaths(this.temp.Combine("state"), this.temp.Combine("state", "config"));

        var options = SshHostRegistryOptions.Create(paths, "~/.ssh/vscode_config", name => name == "HOME" ? this.Home : null);

        Assert.Equal(Path.Combine(this.Home, ".ssh", "vscode_config"), options.UserConfigPath);
        Assert.Equal(Path.Combine(paths.DataDirectory, "ssh"), options.Directory);
        Assert.True(Path.IsPathFullyQualified(options.SidecarCommand[0]));
        Assert.Null(options.GitspacesHome);
    }

    [Fact]
    public async Task An_isolated_state_directory_is_passed_to_the_proxy()
    {
        var state = this.temp.Combine("isolated state");
        var paths = new StatePaths(state, Path.Combine(state, "config"));
        var options = SshHostRegistryOptions.Create(paths, environment: name => name switch { "HOME" => this.Home, "GITSPACES_HOME" => state, _ => null })
            with { SidecarCommand = ["/opt/gs"] };
        var registry = new SshHostRegistry(options);

        var alias = registry.Register(Registration("docker", "a", new SshIdentityStore(paths).GetOrCreate("docker", "a")));

        Assert.Equal($"/opt/gs ssh-proxy --home '{state}' --provider docker a", (await this.EffectiveOptionsAsync(alias))["proxycommand"]);
    }

    [Fact]
    public void A_relative_sidecar_path_is_refused()
    {
        var paths = new StatePaths(this.temp.Combine("state"), this.temp.Combine("state", "config"));
        var options = SshHostRegistryOptions.Create(paths, environment: _ => this.Home) with { SidecarCommand = ["gitspaces"] };

        Assert.Throws<ArgumentException>(() => new SshHostRegistry(options));
    }

    [Fact]
    public async Task The_agent_is_forwarded_only_when_the_registration_says_so()
    {
        var (registry, identity) = this.Create("state");

        var forwarding = registry.Register(Registration("docker", "with-agent", identity) with { ForwardAgent = true });
        var plain = registry.Register(Registration("docker", "without-agent", identity));

        Assert.Equal("yes", (await this.EffectiveOptionsAsync(forwarding))["forwardagent"]);
        Assert.Equal("no", (await this.EffectiveOptionsAsync(plain))["forwardagent"]);
        Assert.True(registry.ForwardsAgent(forwarding));
        Assert.False(registry.ForwardsAgent(plain));
        Assert.False(registry.ForwardsAgent("gitspace-nobody"));
        Assert.Equal(("docker", "with-agent"), registry.FindGitspace(forwarding));
        Assert.Null(registry.FindGitspace("gitspace-nobody"));
    }

    private static SshHostRegistration Registration(string provider, string id, SshIdentity identity) =>
        new() { Provider = provider, GitspaceId = id, User = "vscode", Identity = identity };

    private (SshHostRegistry Registry, SshIdentity Identity) Create(string stateFolder, string sidecar = "/opt/gitspaces/gitspaces")
    {
        var paths = new StatePaths(this.temp.Combine(stateFolder), this.temp.Combine(stateFolder, "config"));
        var options = SshHostRegistryOptions.Create(paths, environment: name => name == "HOME" ? this.Home : null) with { SidecarCommand = [sidecar] };
        return (new SshHostRegistry(options), new SshIdentityStore(paths).GetOrCreate("docker", "shared"));
    }

    private void WriteUserConfig(string text) => this.WriteUserConfig(System.Text.Encoding.UTF8.GetBytes(text));

    private void WriteUserConfig(byte[] bytes)
    {
        StatePaths.EnsurePrivateDirectory(Path.GetDirectoryName(this.UserConfigPath)!);
        File.WriteAllBytes(this.UserConfigPath, bytes);
    }

    private async Task<Dictionary<string, string>> EffectiveOptionsAsync(string host)
    {
        var result = await Run.ProgramAsync("ssh", ["-G", "-F", this.UserConfigPath, host]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First().Length > 1 ? g.First()[1] : string.Empty);
    }
}
