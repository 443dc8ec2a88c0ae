using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Gitspaces.DevContainers.Files;
using Gitspaces.DevContainers.Jsonc;
using Gitspaces.DevContainers.Metadata;
using Gitspaces.DevContainers.Model;
using Gitspaces.DevContainers.Validation;
using Gitspaces.DevContainers.Variables;

namespace Gitspaces.DevContainers;

/// <summary>
/// Reads a workspace's devcontainer.json as <c>devcontainer read-configuration --workspace-folder</c> does, and says
/// what is wrong with it. Where the reference fails, <see cref="DevContainerReadResult.Configuration"/> is null and an
/// error diagnostic explains why; everything else it reports is extra and leaves the configuration as the reference's.
/// </summary>
public static class DevContainerReader
{
    private const long LargeFileBytes = 1024 * 1024;

    /// <summary>Discovers (or takes) the configuration of <paramref name="workspaceFolder"/> and reads it.</summary>
    /// <param name="workspaceFolder">The workspace folder (usually a repository's root); a <c>.code-workspace</c> file stands for its folder.</param>
    /// <param name="configPath">An explicit configuration file, relative to <paramref name="workspaceFolder"/> or absolute; discovered when null.</param>
    /// <param name="options">Environment, image metadata and limits; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the read before it starts (the read itself takes well under a millisecond).</param>
    public static Task<DevContainerReadResult> ReadAsync(string workspaceFolder, string? configPath, DevContainerReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<DevContainerReadResult>(cancellationToken)
            : Task.FromResult(Read(workspaceFolder, configPath, options));
    }

    /// <summary>Discovers (or takes) the configuration of <paramref name="workspaceFolder"/> and reads it, synchronously.</summary>
    /// <remarks>
    /// A configuration file is a few kilobytes (larger ones are refused by <see cref="DevContainerReadOptions.MaxFileBytes"/>),
    /// so it is read in one blocking call: an async read would cost a process that only reads more in start-up
    /// (compiling the async machinery) than the read itself.
    /// </remarks>
    /// <param name="workspaceFolder">The workspace folder (usually a repository's root); a <c>.code-workspace</c> file stands for its folder.</param>
    /// <param name="configPath">An explicit configuration file, relative to <paramref name="workspaceFolder"/> or absolute; discovered when null.</param>
    /// <param name="options">Environment, image metadata and limits; defaults when null.</param>
    public static DevContainerReadResult Read(string workspaceFolder, string? configPath, DevContainerReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workspaceFolder);
        options ??= DevContainerReadOptions.Default;
        var folder = WorkspaceLayout.ResolveWorkspaceFolder(workspaceFolder);
        var candidates = DevContainerConfigLocator.ListCandidates(folder);
        var path = configPath is null ? DevContainerConfigLocator.FindDefault(folder) : DevContainerConfigLocator.ResolveExplicit(folder, configPath);
        var reportedPath = path ?? DevContainerConfigLocator.DefaultConfigPath(folder);
        var bag = new DiagnosticBag(reportedPath, null);
        if (path is null || !File.Exists(path))
        {
            bag.Add(DiagnosticSeverity.Error, DiagnosticCodes.ConfigNotFound, $"Dev container config ({reportedPath}) not found.");
            return Failed(folder, reportedPath, bag, candidates);
        }

        byte[] bytes;
        try
        {
            // The file must be the repository's own: a link out of it (to /dev/stdin, a FIFO, a secret) is refused,
            // and it is read up to the size limit only. A file the user named outside the repository is held to its folder.
            var gitRoot = WorkspaceLayout.FindGitRoot(folder) ?? folder;
            var root = WorkspaceLayout.IsInside(Path.GetFullPath(path), gitRoot) ? gitRoot : Path.GetDirectoryName(Path.GetFullPath(path))!;
            bytes = RepositoryFiles.Read(root, path, options.MaxFileBytes);
        }
        catch (RepositoryFileException e)
        {
            bag.Add(DiagnosticSeverity.Error, e.Code == DiagnosticCodes.ConfigNotFound ? DiagnosticCodes.ConfigNotFound : e.Code, e.Message);
            return Failed(folder, path, bag, candidates);
        }

        if (configPath is not null && !DevContainerConfigLocator.HasAcceptedFileName(path))
        {
            bag.Add(DiagnosticSeverity.Warning, DiagnosticCodes.ConfigFileName, "The file is not named devcontainer.json or .devcontainer.json: the reference CLI reads it here but refuses it when creating a container.");
        }

        return ReadContent(folder, path, bytes, options, candidates, bag, explicitConfig: configPath is not null);
    }

    /// <summary>Reads configuration text that is already in memory, as if it were the file at <paramref name="configFilePath"/>.</summary>
    /// <param name="workspaceFolder">The workspace folder, absolute.</param>
    /// <param name="configFilePath">Where the file is (relative paths in it resolve against its folder), absolute.</param>
    /// <param name="content">The file's bytes (UTF-8).</param>
    /// <param name="options">Environment, image metadata and limits; defaults when null.</param>
    public static DevContainerReadResult ReadContent(string workspaceFolder, string configFilePath, ReadOnlySpan<byte> content, DevContainerReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workspaceFolder);
        ArgumentNullException.ThrowIfNull(configFilePath);
        var folder = WorkspaceLayout.ResolveWorkspaceFolder(workspaceFolder);
        return ReadContent(folder, Path.GetFullPath(configFilePath), content, options ?? DevContainerReadOptions.Default, DevContainerConfigLocator.ListCandidates(folder), new DiagnosticBag(configFilePath, null), explicitConfig: true);
    }

    private static DevContainerReadResult ReadContent(string folder, string path, ReadOnlySpan<byte> bytes, DevContainerReadOptions options, IReadOnlyList<string> candidates, DiagnosticBag fileBag, bool explicitConfig)
    {
        if (bytes.IsEmpty)
        {
            fileBag.Add(DiagnosticSeverity.Error, DiagnosticCodes.EmptyFile, "The configuration file is empty.");
            return Failed(folder, path, fileBag, candidates);
        }

        if (bytes.Length > LargeFileBytes)
        {
            fileBag.Add(DiagnosticSeverity.Warning, DiagnosticCodes.FileTooLarge, $"The configuration is {bytes.Length} bytes, far more than a devcontainer.json needs.");
        }

        var text = Decode(bytes, fileBag);
        var document = JsoncParser.Parse(text, options.MaxNestingDepth);
        var bag = new DiagnosticBag(path, document);
        bag.AddRange(fileBag);
        foreach (var error in document.Errors)
        {
            var severity = error.Code switch
            {
                DiagnosticCodes.NestingTooDeep => DiagnosticSeverity.Error,
                DiagnosticCodes.TrailingComma => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Warning,
            };
            var message = error.Code == DiagnosticCodes.SyntaxError ? $"JSON syntax: {error.Message} (read as the reference reads it)." : error.Message;
            bag.Add(severity, error.Code, message, error.Offset);
        }

        if (document.NestingTooDeep)
        {
            return Failed(folder, path, bag, candidates);
        }

        if (document.Root is not JsonObject raw)
        {
            bag.Add(DiagnosticSeverity.Error, document.HasValue ? DiagnosticCodes.NotAnObject : DiagnosticCodes.EmptyFile, $"Dev container config ({path}) must contain a JSON object literal.", document.OffsetOf(document.Root));
            return Failed(folder, path, bag, candidates);
        }

        ConfigValidator.Validate(raw, bag);
        var platform = options.EffectivePlatform;
        // Migrating in place keeps the identity of every node the later checks locate by.
        var migrated = raw;
        if (!LegacyProperties.Migrate(migrated))
        {
            bag.AddAt(raw, "customizations", DiagnosticSeverity.Error, DiagnosticCodes.WrongType, "\"customizations\" must be an object for the legacy \"extensions\", \"settings\" and \"devPort\" to move into it.");
        }

        var (workspaceFolder, hasMount, workspaceMount) = WorkspaceDefaults.Compute(migrated, folder, options);
        if (workspaceFolder is not null && ConfigBinder.String(workspaceFolder) is null)
        {
            // The reference substitutes the container folder as a string first and fails with a TypeError.
            bag.AddAt(raw, "workspaceFolder", DiagnosticSeverity.Error, DiagnosticCodes.WrongType, "\"workspaceFolder\" must be a string; the reference CLI cannot read a configuration where it is not.");
            return Failed(folder, path, bag, candidates);
        }

        var context = new LocalSubstitutionContext
        {
            Environment = options.LocalEnvironment ?? ProcessEnvironment(),
            LocalWorkspaceFolder = folder,
            ContainerWorkspaceFolder = ConfigBinder.String(workspaceFolder),
            IsWindows = platform == HostPlatform.Windows,
            ConfigFileName = Path.GetFileName(path),
        };

        JsonObject configuration;
        try
        {
            configuration = (JsonObject)VariableSubstitution.SubstituteLocal(migrated, context)!;
        }
        catch (VariableException e)
        {
            bag.Add(DiagnosticSeverity.Error, DiagnosticCodes.InvalidVariable, e.Message);
            return Failed(folder, path, bag, candidates);
        }

        if (configuration["workspaceFolder"] is JsonValue folderValue && ConfigBinder.String(folderValue) is not null)
        {
            workspaceFolder = folderValue;
        }

        if (configuration.ContainsKey("workspaceMount"))
        {
            hasMount = true;
            workspaceMount = configuration["workspaceMount"];
        }

        configuration["configFilePath"] = ConfigFileUri.ToJson(path, platform, explicitConfig);
        var typed = ConfigBinder.Bind(configuration, path);
        ConfigChecks.Check(raw, typed, folder, WorkspaceLayout.FindGitRoot(folder) ?? folder, bag);

        JsonObject? merged = null;
        if (options.ImageMetadataLabel is { } label)
        {
            var entries = ImageMetadata.ParseLabel(label, out var labelError);
            if (labelError is not null)
            {
                bag.Add(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, labelError);
            }

            // Image entries are substituted as devcontainer.json is (the reference's substitute function for both).
            for (var i = 0; i < entries.Count; i++)
            {
                try
                {
                    entries[i] = (JsonObject)VariableSubstitution.SubstituteLocal(entries[i], context)!;
                }
                catch (VariableException e)
                {
                    bag.Add(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidMetadata, $"The image's devcontainer.metadata label: {e.Message} The entry is merged as written.");
                }
            }

            entries.Add(ImageMetadata.FromConfig(configuration));
            merged = ImageMetadata.Merge(configuration, entries);
        }

        return new DevContainerReadResult
        {
            Configuration = configuration,
            RawConfiguration = migrated,
            Substitution = context,
            Config = typed,
            Workspace = new DevContainerWorkspace(workspaceFolder, hasMount, workspaceMount),
            ConfigFilePath = path,
            WorkspaceFolder = folder,
            Diagnostics = bag.ToSortedList(),
            Candidates = candidates,
            MergedConfiguration = merged,
        };
    }

    private static string Decode(ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        if (!Utf8.IsValid(bytes))
        {
            var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
            _ = Utf8.ToUtf16(bytes, buffer, out var validBytes, out _, replaceInvalidSequences: false);
            ArrayPool<char>.Shared.Return(buffer);
            bag.Add(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidUtf8, $"The file is not valid UTF-8 (first bad byte at offset {validBytes}); bad bytes read as U+FFFD, as the reference reads them.");
        }

        // Like Node's Buffer.toString: a BOM stays (the parser skips it as an unknown character).
        return Encoding.UTF8.GetString(bytes);
    }

    private static Dictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return result;
    }

    private static DevContainerReadResult Failed(string folder, string path, DiagnosticBag bag, IReadOnlyList<string> candidates) => new()
    {
        ConfigFilePath = path,
        WorkspaceFolder = folder,
        Diagnostics = bag.ToSortedList(),
        Candidates = candidates,
    };
}
