using Gitspaces.Core.Settings;

namespace Gitspaces.Core.Tests.Settings;

public sealed class IdleTimeoutTests
{
    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m", 5400)]
    [InlineData("90s", 90)]
    [InlineData("45", 2700)]
    [InlineData("0", 0)]
    [InlineData("never", 0)]
    [InlineData(" 5S ", 5)]
    public void Durations_people_write_are_read(string text, int seconds)
    {
        Assert.True(IdleTimeout.TryParse(text, out var parsed));
        Assert.Equal(seconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("30x")]
    [InlineData("10m5")]
    [InlineData("-5m")]
    [InlineData("99999h")]
    public void Anything_else_is_not_a_duration(string text) => Assert.False(IdleTimeout.TryParse(text, out _));

    [Theory]
    [InlineData(0, "never")]
    [InlineData(3600, "1h")]
    [InlineData(5430, "1h30m30s")]
    [InlineData(45, "45s")]
    public void A_timeout_is_written_back_as_it_is_read(int seconds, string text)
    {
        Assert.Equal(text, IdleTimeout.Format(seconds));
        Assert.True(IdleTimeout.TryParse(text, out var again));
        Assert.Equal(seconds, again);
    }
}
