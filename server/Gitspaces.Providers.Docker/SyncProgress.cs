namespace Gitspaces.Providers.Docker;

/// <summary>
/// An <see cref="IProgress{T}"/> that handles each report at once on the reporting thread. Unlike
/// <see cref="Progress{T}"/> nothing arrives after the operation returns, so a build's last error line is never missed.
/// </summary>
/// <typeparam name="T">The report type.</typeparam>
/// <param name="handler">Handles each report.</param>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => handler(value);
}
