using System.Text;
using Gitspaces.Git.Credentials;

namespace Gitspaces.Git.Tests.Credentials;

public sealed class CredentialRequestTests
{
    [Fact]
    public void TheCacheClientsLinesAreSkippedAndTheHelpersAreRead()
    {
        var request = CredentialRequest.Parse("action=get\ntimeout=900\ngitspaces=1\ngitspaces-action=fill\nprotocol=https\nhost=example.com:8443\npath=org/repo.git\nwwwauth[]=Basic realm=\"x\"\n"u8);

        Assert.NotNull(request);
        Assert.Equal(CredentialAction.Fill, request.Action);
        Assert.Equal(["protocol", "host", "path", "wwwauth[]"], request.Attributes.Select(a => a.Key));
        Assert.Equal("example.com:8443", request["host"]);
        Assert.Equal("Basic realm=\"x\"", request["wwwauth[]"]);
    }

    [Theory]
    [InlineData("approve", CredentialAction.Approve)]
    [InlineData("reject", CredentialAction.Reject)]
    [InlineData("docker-get", CredentialAction.DockerGet)]
    public void EachActionIsKnown(string action, CredentialAction expected) =>
        Assert.Equal(expected, CredentialRequest.Parse(Encoding.UTF8.GetBytes($"gitspaces=1\ngitspaces-action={action}\nhost=h\n"))?.Action);

    [Theory]
    [InlineData("gitspaces-action=fill\nhost=h\n")]
    [InlineData("gitspaces=2\ngitspaces-action=fill\nhost=h\n")]
    [InlineData("gitspaces=1\ngitspaces-action=steal\nhost=h\n")]
    [InlineData("gitspaces=1\ngitspaces-action=fill\nnot a pair\n")]
    [InlineData("gitspaces=1\ngitspaces-action=fill\n=value\n")]
    [InlineData("gitspaces=1\ngitspaces-action=fill\nho st=h\n")]
    public void AnythingElseIsRefused(string text) => Assert.Null(CredentialRequest.Parse(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void InvalidUtf8AndOversizedRequestsAreRefused()
    {
        Assert.Null(CredentialRequest.Parse([.. "gitspaces=1\ngitspaces-action=fill\nhost="u8, 0xFF, 0xFE, (byte)'\n']));
        var big = "gitspaces=1\ngitspaces-action=fill\nhost=" + new string('a', CredentialRequest.MaxBytes) + "\n";
        Assert.Null(CredentialRequest.Parse(Encoding.UTF8.GetBytes(big)));
    }

    [Fact]
    public void ReadingStopsAtTheBlankLine() =>
        Assert.Equal(["host"], CredentialRequest.Parse("gitspaces=1\ngitspaces-action=fill\nhost=h\n\npassword=later\n"u8)!.Attributes.Select(a => a.Key));

    [Fact]
    public void TheLinesOfOurOwnNamespaceAreNeverPassedOnAsAttributes() =>
        Assert.Empty(CredentialRequest.Parse("gitspaces=1\ngitspaces-action=fill\ngitspaces-status=ok\ngitspaces-anything=x\n"u8)!.Attributes);

    [Fact]
    public void EncodeAndParseAgree()
    {
        var request = new CredentialRequest(CredentialAction.Approve, [new("protocol", "https"), new("host", "h"), new("username", "u"), new("password", "p=q")]);

        Assert.Equal(request.Attributes, CredentialRequest.Parse(Encoding.UTF8.GetBytes(request.Encode()))!.Attributes);
    }

    [Fact]
    public void ItsTextFormNeverShowsThePassword()
    {
        var request = new CredentialRequest(CredentialAction.Approve, [new("protocol", "https"), new("host", "example.com"), new("path", "o/r.git"), new("username", "alice"), new("password", "s3cr3t")]);

        Assert.Equal("Approve https://example.com/o/r.git", request.ToString());
    }
}
