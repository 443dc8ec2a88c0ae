using Gitspaces.Core.State;
using Gitspaces.TestSupport;

namespace Gitspaces.Providers.Docker.Tests;

public sealed class ImagePasswdCacheTests
{
    private const string ImageId = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void WhatIsWrittenForAnImageIsReadBack_UntilTheImageIsForgotten()
    {
        var paths = new StatePaths(TempDirectory.Create("passwd-cache"), TempDirectory.Create("passwd-config"));
        var cache = new ImagePasswdCache(paths);
        Assert.Null(cache.Read(ImageId));

        cache.Write(ImageId, "root:x:0:0:root:/root:/bin/sh\n");

        Assert.Equal("root:x:0:0:root:/root:/bin/sh\n", cache.Read(ImageId));
        Assert.Null(cache.Read("sha256:" + new string('f', 64)));
        cache.Remove(ImageId);
        Assert.Null(cache.Read(ImageId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:../../../etc/passwd")]
    [InlineData("../../x:0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("sha256:1234")]
    public void AnIdThatIsNotAnAlgorithmAndAHexDigest_IsNeverAFile(string imageId)
    {
        var data = TempDirectory.Create("passwd-cache");
        var cache = new ImagePasswdCache(new StatePaths(data, TempDirectory.Create("passwd-config")));

        cache.Write(imageId, "root:x:0:0::/root:/bin/sh\n");

        Assert.Null(cache.Read(imageId));
        Assert.Empty(Directory.GetFiles(data, "*", SearchOption.AllDirectories));
    }
}
