using System.Text;
using Gitspaces.Git.Credentials;

namespace Gitspaces.Git.Tests.Credentials;

public sealed class CredentialAnswerTests
{
    [Fact]
    public void AFillIsTheStatusThenGitsAttributes() =>
        Assert.Equal(
            "gitspaces-status=ok\nusername=u\npassword=p\n",
            Encoding.UTF8.GetString(new CredentialAnswer(CredentialAnswerStatus.Ok, null, [new("username", "u"), new("password", "p")]).Encode()));

    [Fact]
    public void AMessageIsOneLine() =>
        Assert.Equal(
            "gitspaces-status=error\ngitspaces-message=first second\n",
            Encoding.UTF8.GetString(CredentialAnswer.Failed("first\nsecond\r\n").Encode()));

    [Fact]
    public void AttributesThatCouldForgeOurLinesOrBreakTheFormatAreDropped() =>
        Assert.Equal(
            "gitspaces-status=none\nusername=u\n",
            Encoding.UTF8.GetString(new CredentialAnswer(CredentialAnswerStatus.None, null, [new("gitspaces-status", "ok"), new("username", "u"), new("password", "p\nusername=evil")]).Encode()));

    [Fact]
    public void ItsTextFormNeverShowsThePassword() =>
        Assert.Equal("Ok", new CredentialAnswer(CredentialAnswerStatus.Ok, null, [new("username", "u"), new("password", "s3cr3t")]).ToString());
}
