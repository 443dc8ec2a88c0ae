using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Gitspaces.Docker.Engine;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>Both clients' errors classified the same way: an answer from the engine is never "unreachable".</summary>
public sealed class DockerFailuresTests
{
    [Fact]
    public void TheEnginesOwn404_IsNotFound_WithItsOwnMessage_AndNotUnreachable()
    {
        var refused = new EngineException(HttpStatusCode.NotFound, "No such container: gitspace-x");

        Assert.True(DockerFailures.IsNotFound(refused));
        Assert.False(DockerFailures.IsUnreachable(refused));
        Assert.Equal(refused.Message, DockerFailures.EngineMessage(refused));
    }

    [Fact]
    public void DockerDotNetsApiErrors_AreAnswers_WithTheEnginesMessage()
    {
        var refused = new DockerApiException(HttpStatusCode.Conflict, """{"message":"Conflict. The name \"/x\" is already in use"}""");
        var missing = new DockerContainerNotFoundException(HttpStatusCode.NotFound, """{"message":"No such container: x"}""");

        Assert.False(DockerFailures.IsUnreachable(refused));
        Assert.False(DockerFailures.IsUnreachable(new InvalidOperationException("wrapped", refused)));
        Assert.False(DockerFailures.IsNotFound(refused));
        Assert.True(DockerFailures.IsNotFound(missing));
        Assert.Equal("Conflict. The name \"/x\" is already in use", DockerFailures.EngineMessage(refused));
    }

    [Fact]
    public void TransportFailures_AreUnreachable_AndExplainedByTheirInnermostMessage()
    {
        var refusedConnection = new HttpRequestException("request failed", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DockerFailures.IsUnreachable(refusedConnection));
        Assert.True(DockerFailures.IsUnreachable(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(DockerFailures.IsUnreachable(new InvalidOperationException("not a transport failure")));
        Assert.Equal(new SocketException((int)SocketError.ConnectionRefused).Message, DockerFailures.EngineMessage(refusedConnection));
    }
}
