using System.Text.Json;
using Gitspaces.Core.State;

namespace Gitspaces.Providers.Docker;

/// <summary>Reads and writes <see cref="GitspaceRecord"/> files.</summary>
internal sealed class GitspaceRecordStore
{
    private const string FileName = "docker-gitspace.json";
    private readonly StatePaths paths;
    private readonly Lock gate = new();

    /// <summary>Initializes a new instance of the <see cref="GitspaceRecordStore"/> class.</summary>
    /// <param name="paths">The state paths.</param>
    public GitspaceRecordStore(StatePaths paths)
    {
        this.paths = paths;
    }

    /// <summary>Reads a gitspace's record.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <returns>The record, or an empty one.</returns>
    public GitspaceRecord Read(string id)
    {
        var file = Path.Combine(this.paths.GitspaceDirectoryPath(DockerLabels.ProviderValue, id), FileName);
        try
        {
            return File.Exists(file)
                ? JsonSerializer.Deserialize(File.ReadAllBytes(file), DockerJsonContext.Default.GitspaceRecord) ?? new GitspaceRecord()
                : new GitspaceRecord();
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return new GitspaceRecord();
        }
    }

    /// <summary>Changes a gitspace's record.</summary>
    /// <param name="id">The gitspace id.</param>
    /// <param name="change">The change.</param>
    /// <returns>The record as written.</returns>
    public GitspaceRecord Update(string id, Func<GitspaceRecord, GitspaceRecord> change)
    {
        // Background lifecycle commands and the operation that started them both update the record.
        lock (this.gate)
        {
            var updated = change(this.Read(id)) with { UpdatedAt = DateTimeOffset.UtcNow };
            var file = Path.Combine(this.paths.GitspaceDirectory(DockerLabels.ProviderValue, id), FileName);
            StatePaths.WritePrivateFile(file, JsonSerializer.SerializeToUtf8Bytes(updated, DockerJsonContext.Default.GitspaceRecord));
            return updated;
        }
    }

    /// <summary>Deletes a gitspace's record.</summary>
    /// <param name="id">The gitspace id.</param>
    public void Remove(string id)
    {
        var file = Path.Combine(this.paths.GitspaceDirectoryPath(DockerLabels.ProviderValue, id), FileName);
        File.Delete(file);
    }
}
