using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Features;

/// <summary>
/// What the reference's <c>addContainerFeatures</c> builds on top of an image, as a self-contained build context for
/// the classic builder: a Dockerfile with one <c>ENV</c> block (the Feature's containerEnv) and one
/// <c>COPY</c>+<c>RUN</c> layer per Feature in install order, <c>devcontainer-features.builtin.env</c>
/// (<c>_CONTAINER_USER</c>, <c>_REMOTE_USER</c>, and the two homes found with getent at build time), each Feature's
/// <c>devcontainer-features.env</c> and install wrapper, and the <c>devcontainer.metadata</c> label with the base
/// image's entries followed by one entry per Feature. The content hash names the result, so the same base image
/// and Features give the same image.
/// </summary>
public sealed class FeaturesImageRecipe
{
    /// <summary>The Dockerfile's name in the build context.</summary>
    public const string DockerfileName = "Dockerfile.gitspaces-features";

    /// <summary>The build argument that names the base image.</summary>
    public const string BaseImageArgument = "_DEV_CONTAINERS_BASE_IMAGE";

    /// <summary>The build argument that names the user the image ends with.</summary>
    public const string ImageUserArgument = "_DEV_CONTAINERS_IMAGE_USER";

    /// <summary>Where the Features are copied inside the image, as in the reference.</summary>
    public const string FeaturesFolder = "/tmp/dev-container-features";

    private const string BuiltinEnv = "devcontainer-features.builtin.env";

    private FeaturesImageRecipe(string dockerfile, IReadOnlyList<BuildContextFile> files, IReadOnlyList<JsonObject> entries, IReadOnlyList<string> folderNames)
    {
        this.Dockerfile = dockerfile;
        this.Files = files;
        this.MetadataEntries = entries;
        this.FolderNames = folderNames;
    }

    /// <summary>Gets the Dockerfile's text.</summary>
    public string Dockerfile { get; }

    /// <summary>Gets the build context's files, the Dockerfile included, sorted by path.</summary>
    public IReadOnlyList<BuildContextFile> Files { get; }

    /// <summary>Gets the entries of the image's <c>devcontainer.metadata</c> label: the base image's, then one per Feature.</summary>
    public IReadOnlyList<JsonObject> MetadataEntries { get; }

    /// <summary>Gets each Feature's folder name in the context and the image (<c>&lt;id&gt;_&lt;index&gt;</c>), in install order; the build log names it in the Feature's step.</summary>
    public IReadOnlyList<string> FolderNames { get; }

    /// <summary>The users Feature install scripts are told about (the reference's <c>findContainerUsers</c>).</summary>
    /// <param name="entries">Every metadata entry, devcontainer.json's last.</param>
    /// <param name="imageUser">The base image's user (<c>Config.User</c>); root when empty.</param>
    /// <returns>The container user and the remote user.</returns>
    public static (string ContainerUser, string RemoteUser) Users(IReadOnlyList<JsonObject> entries, string? imageUser)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var reversed = entries.Reverse().ToList();
        var containerUser = reversed.Select(e => e["containerUser"]).FirstOrDefault(JsTruthiness.IsTruthy)?.ToString()
            ?? (string.IsNullOrEmpty(imageUser) ? "root" : imageUser);
        var remoteUser = reversed.Select(e => e["remoteUser"]).FirstOrDefault(JsTruthiness.IsTruthy)?.ToString() ?? containerUser;
        return (containerUser, remoteUser);
    }

    /// <summary>Writes the recipe.</summary>
    /// <param name="features">The Features in install order.</param>
    /// <param name="baseEntries">The base image's <c>devcontainer.metadata</c> entries.</param>
    /// <param name="containerUser">The container user (see <see cref="Users"/>).</param>
    /// <param name="remoteUser">The remote user.</param>
    public static FeaturesImageRecipe Create(IReadOnlyList<ResolvedFeature> features, IReadOnlyList<JsonObject> baseEntries, string containerUser, string remoteUser)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(baseEntries);
        var files = new List<BuildContextFile>
        {
            Text(BuiltinEnv, $"_CONTAINER_USER={containerUser}\n_REMOTE_USER={remoteUser}\n"),
        };
        var builtin = FeaturesFolder + "/" + BuiltinEnv;
        var dockerfile = new StringBuilder()
            .Append("ARG ").Append(BaseImageArgument).Append("=scratch\n\n")
            .Append("FROM $").Append(BaseImageArgument).Append(" AS dev_containers_target_stage\n\n")
            .Append("USER root\n\n")
            .Append("RUN mkdir -p ").Append(FeaturesFolder).Append('\n')
            .Append("COPY ").Append(BuiltinEnv).Append(' ').Append(FeaturesFolder).Append("/\n")
            .Append("RUN chmod -R 0755 ").Append(FeaturesFolder).Append("/ \\\n")
            .Append("&& echo \"_CONTAINER_USER_HOME=$(").Append(PasswdLookup(containerUser)).Append(" | cut -d: -f6)\" >> ").Append(builtin).Append(" \\\n")
            .Append("&& echo \"_REMOTE_USER_HOME=$(").Append(PasswdLookup(remoteUser)).Append(" | cut -d: -f6)\" >> ").Append(builtin).Append("\n\n");
        var entries = new List<JsonObject>(baseEntries.Select(e => (JsonObject)e.DeepClone()));
        var folderNames = new List<string>();
        for (var i = 0; i < features.Count; i++)
        {
            var (step, folder) = features[i];
            var name = $"{step.Reference.Id}_{i}";
            folderNames.Add(name);
            files.AddRange(FolderFiles(folder, name));
            files.Add(Text(name + "/devcontainer-features.env", string.Join('\n', step.EnvironmentLines)));
            files.Add(Text(name + "/devcontainer-features-install.sh", FeatureInstallScript.Create(step)));
            var target = FeaturesFolder + "/" + name;
            if (step.Definition.ContainerEnv.Count > 0)
            {
                dockerfile.Append(DockerfileSyntax.EnvLines(step.Definition.ContainerEnv, escapeDollar: false)).Append('\n');
            }

            dockerfile
                .Append("COPY --chown=root:root ").Append(name).Append(' ').Append(target).Append('\n')
                .Append("RUN chmod -R 0755 ").Append(target).Append(" \\\n")
                .Append("&& cd ").Append(target).Append(" \\\n")
                .Append("&& chmod +x ./devcontainer-features-install.sh \\\n")
                .Append("&& ./devcontainer-features-install.sh\n\n");
            entries.Add(Metadata.ImageMetadata.FromFeature(step.Reference.UserId, step.Definition.Json));
        }

        dockerfile
            .Append("ARG ").Append(ImageUserArgument).Append("=root\n")
            .Append("USER $").Append(ImageUserArgument).Append("\n\n")
            .Append(DockerfileSyntax.MetadataLabel(entries)).Append('\n');
        var text = dockerfile.ToString();
        files.Add(Text(DockerfileName, text));

        // Later files of the same path win (our env file and wrapper over a Feature's own); the context is sorted for the hash.
        var unique = files.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new FeaturesImageRecipe(text, unique, entries, folderNames);
    }

    /// <summary>A hash of everything that decides the image: the base image's id, the build arguments and every context file.</summary>
    /// <param name="baseImageId">The base image's id (<c>sha256:…</c>).</param>
    /// <param name="buildArguments">The build arguments.</param>
    /// <returns>64 lower-case hex digits.</returns>
    public string ContentHash(string baseImageId, IReadOnlyDictionary<string, string> buildArguments)
    {
        ArgumentNullException.ThrowIfNull(buildArguments);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(baseImageId);
        foreach (var (key, value) in buildArguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Add(key + "=" + value);
        }

        foreach (var file in this.Files)
        {
            Add(file.Path);
            Add(Convert.ToHexStringLower(file.Contents is { } contents ? SHA256.HashData(contents) : HashFile(file.SourceFile!)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    private static BuildContextFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text), null);

    private static IEnumerable<BuildContextFile> FolderFiles(string folder, string prefix)
    {
        var root = new DirectoryInfo(folder);
        return root.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => new BuildContextFile(prefix + "/" + Path.GetRelativePath(root.FullName, f.FullName).Replace('\\', '/'), null, f.FullName));
    }

    // The reference's getEntPasswdShellCommand: getent where there is one, else /etc/passwd by name or uid.
    private static string PasswdLookup(string user)
    {
        var quoted = user.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        var pattern = new StringBuilder();
        foreach (var c in user)
        {
            pattern.Append("\\^$.*+?()[]{}|".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString());
        }

        var escaped = pattern.ToString().Replace("'", "\\'", StringComparison.Ordinal);
        return $" (command -v getent >/dev/null 2>&1 && getent passwd '{quoted}' || grep -E '^{escaped}|^[^:]*:[^:]*:{escaped}:' /etc/passwd || true)";
    }
}
