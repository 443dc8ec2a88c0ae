using System.Net;
using System.Net.Sockets;
using Gitspaces.Docker.Engine;
using Gitspaces.Protocol;

namespace Gitspaces.Providers.Docker.Channels.Tests;

public sealed class EngineFailuresTests
{
    [Fact]
    public void TransportFailures_AreUnreachable_WhereverTheyAreWrapped()
    {
        Assert.True(EngineFailures.IsUnreachable(new HttpRequestException("request failed")));
        Assert.True(EngineFailures.IsUnreachable(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.True(EngineFailures.IsUnreachable(new TimeoutException()));
        Assert.True(EngineFailures.IsUnreachable(new IOException("broken pipe", new SocketException((int)SocketError.ConnectionReset))));
        Assert.True(EngineFailures.IsUnreachable(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(EngineFailures.IsUnreachable(new InvalidOperationException("not a transport failure")));
    }

    [Fact]
    public void AnAnswerFromTheEngine_IsNotUnreachable_NorWhatItWraps()
    {
        Assert.False(EngineFailures.IsUnreachable(new EngineException(HttpStatusCode.InternalServerError, "boom")));
        Assert.False(EngineFailures.IsUnreachable(new EngineException("answered", new SocketException((int)SocketError.ConnectionReset))));

        // Another client's answers are recognized by the predicate the caller passes, at any depth.
        var otherAnswer = new ArgumentException("the other client's API error", new SocketException((int)SocketError.ConnectionReset));
        Assert.True(EngineFailures.IsUnreachable(otherAnswer));
        Assert.False(EngineFailures.IsUnreachable(otherAnswer, ex => ex is ArgumentException));
        Assert.False(EngineFailures.IsUnreachable(new InvalidOperationException("wrapped", otherAnswer), ex => ex is ArgumentException));
    }

    [Fact]
    public void AnUnreachableEngine_IsNamedWithItsSource_AndAHintThatFitsIt()
    {
        var cause = new HttpRequestException("request failed", new SocketException((int)SocketError.ConnectionRefused));

        var local = EngineFailures.Unreachable(DockerEndpoint.Resolve(null, _ => null), cause);
        var configured = EngineFailures.Unreachable(DockerEndpoint.Resolve("tcp://10.0.0.5:2376", _ => null), cause);

        Assert.Equal(ErrorCodes.ProviderUnavailable, local.Code);
        Assert.Equal($"The Docker engine at {DockerEndpoint.LocalDefault.OriginalString} (default) does not answer: {cause.InnerException!.Message}", local.Message);
        Assert.StartsWith("Start Docker", local.Details.Hint, StringComparison.Ordinal);
        Assert.StartsWith("The Docker engine at tcp://10.0.0.5:2376 (configured) does not answer", configured.Message, StringComparison.Ordinal);
        Assert.StartsWith("Start the engine at tcp://10.0.0.5:2376", configured.Details.Hint, StringComparison.Ordinal);
        Assert.Same(cause, configured.InnerException);
    }
}
