using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Gitspaces.TestSupport;

/// <summary>
/// Smart HTTP for one folder of repositories: <c>git http-backend</c> run as a CGI program behind an
/// <see cref="HttpListener"/> on 127.0.0.1. With a required login it answers 401 to any other, and keeps every login
/// it was offered, so a test sees exactly which user name and password a clone sent.
/// </summary>
public sealed class HttpGitServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly int port = LoopbackPort.Unused();
    private readonly string root;
    private readonly string? requiredLogin;

    /// <summary>Initializes a new instance of the <see cref="HttpGitServer"/> class.</summary>
    /// <param name="repository">The repository to serve; its folder's siblings are served too.</param>
    /// <param name="requiredLogin">The only <c>user:password</c> let in; anyone when null.</param>
    public HttpGitServer(string repository, string? requiredLogin = null)
    {
        this.root = Path.GetDirectoryName(repository)!;
        this.requiredLogin = requiredLogin;
        this.Url = $"http://127.0.0.1:{this.port}/{Path.GetFileName(repository)}";
        this.listener.Prefixes.Add($"http://127.0.0.1:{this.port}/");
        this.listener.Start();
        _ = this.ServeAsync();
    }

    public string Url { get; }

    /// <summary>Gets the logins offered, as <c>user:password</c>.</summary>
    public ConcurrentQueue<string> Logins { get; } = new();

    public void Dispose() => this.listener.Close();

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var context = await this.listener.GetContextAsync();
                _ = Task.Run(() => this.AnswerAsync(context));
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;

        // libgit2 1.8 fails its next request on a connection HttpListener keeps open; a new one each time works.
        response.KeepAlive = false;
        var request = context.Request;
        string? login = null;
        if (request.Headers["Authorization"] is { } authorization && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            login = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            this.Logins.Enqueue(login);
        }

        if (this.requiredLogin is not null && login != this.requiredLogin)
        {
            response.StatusCode = 401;
            response.AddHeader("WWW-Authenticate", "Basic realm=\"gitspaces-tests\"");
            return;
        }

        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("http-backend");
        start.Environment["GIT_PROJECT_ROOT"] = this.root;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = request.HttpMethod;
        start.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
        start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? string.Empty;
        start.Environment["HTTP_CONTENT_ENCODING"] = request.Headers["Content-Encoding"] ?? string.Empty;
        start.Environment["HTTP_GIT_PROTOCOL"] = request.Headers["Git-Protocol"] ?? string.Empty;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        using var backend = Process.Start(start)!;
        _ = backend.StandardError.ReadToEndAsync();
        var output = new MemoryStream();
        var reading = backend.StandardOutput.BaseStream.CopyToAsync(output);
        await request.InputStream.CopyToAsync(backend.StandardInput.BaseStream);
        backend.StandardInput.Close();
        await reading;
        await backend.WaitForExitAsync();

        // A CGI answer: header lines, a blank line, the body.
        var bytes = output.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        foreach (var header in Encoding.ASCII.GetString(bytes, 0, split).Split("\r\n"))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (header[..colon], header[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value[..3], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        response.ContentLength64 = bytes.Length - (split + 4);
        await response.OutputStream.WriteAsync(bytes.AsMemory(split + 4));
    }
}
