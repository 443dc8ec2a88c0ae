using System.Globalization;
using System.Text;

namespace Gitspaces.Server.Logging;

/// <summary>
/// The sidecar's own log: lines to stderr and to a daily file in the state directory. Never to stdout, which carries
/// only protocol frames in <c>serve</c> mode. Callers never pass secrets; request bodies are never logged.
/// </summary>
internal sealed class ServerLog : IDisposable
{
    private readonly Lock gate = new();
    private readonly TextWriter? stderr;
    private readonly StreamWriter? file;
    private readonly LogLevel minimum;

    public ServerLog(string? directory, LogLevel minimum, bool toStderr)
    {
        this.minimum = minimum;
        this.stderr = toStderr ? Console.Error : null;
        if (directory is not null)
        {
            try
            {
                Gitspaces.Core.State.StatePaths.EnsurePrivateDirectory(directory);
                var path = Path.Combine(directory, $"gitspaces-{DateTime.UtcNow:yyyyMMdd}.log");
                var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete };
                if (!OperatingSystem.IsWindows())
                {
                    // Log lines name repositories and gitspaces: like the keys, for the owner only.
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                var stream = new FileStream(path, options);
                this.file = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
                this.FilePath = path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A read-only or full state directory must not stop the editor from working.
                this.stderr?.WriteLine($"gitspaces: cannot write the log file in {directory}: {ex.Message}");
            }
        }
    }

    public string? FilePath { get; }

    public static ServerLog Null { get; } = new(null, LogLevel.None, toStderr: false);

    public bool IsEnabled(LogLevel level) => level >= this.minimum && this.minimum != LogLevel.None;

    public void Write(LogLevel level, string message)
    {
        if (!this.IsEnabled(level))
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} [{Environment.ProcessId}] {Label(level)} {message}");
        lock (this.gate)
        {
            try
            {
                this.stderr?.WriteLine(line);
                this.file?.WriteLine(line);
            }
            catch (IOException)
            {
                // The client closed stderr: nothing left to tell it.
            }
        }
    }

    public void Debug(string message) => this.Write(LogLevel.Debug, message);

    public void Info(string message) => this.Write(LogLevel.Info, message);

    public void Warn(string message) => this.Write(LogLevel.Warning, message);

    public void Error(string message) => this.Write(LogLevel.Error, message);

    public void Dispose()
    {
        lock (this.gate)
        {
            this.file?.Dispose();
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Info => "info ",
        LogLevel.Warning => "warn ",
        _ => "error",
    };
}
