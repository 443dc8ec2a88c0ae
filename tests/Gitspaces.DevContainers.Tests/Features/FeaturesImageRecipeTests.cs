using System.Text;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Features;
using Gitspaces.TestSupport;

namespace Gitspaces.DevContainers.Tests.Features;

/// <summary>
/// The derived image's recipe for two local Features, against what the reference CLI 0.89.0 wrote for the same
/// configuration (<c>devcontainer build</c> on the local engine: env files, builtin env, metadata label).
/// </summary>
public sealed class FeaturesImageRecipeTests
{
    private readonly string workspace = TempDirectory.Create("feature-recipe");

    [Fact]
    public async Task WritesTheReferencesEnvFilesLayersAndLabel()
    {
        var recipe = await this.RecipeAsync();

        Assert.Equal(["account_0", "greeter_1"], recipe.FolderNames);
        Assert.Equal("UID=\"1500\"", Text(recipe, "account_0/devcontainer-features.env"));
        Assert.Equal("GREETING=\"hola\"\nLOUD=\"true\"\nOPTION_NAME=\"from-default\"", Text(recipe, "greeter_1/devcontainer-features.env"));
        Assert.Equal("_CONTAINER_USER=root\n_REMOTE_USER=dev\n", Text(recipe, "devcontainer-features.builtin.env"));
        Assert.Contains(recipe.Files, f => f.Path == "greeter_1/install.sh" && f.SourceFile is not null);

        // The Feature's containerEnv comes right before its layer, with ${PATH} left for the builder to expand.
        var dockerfile = recipe.Dockerfile;
        var env = dockerfile.IndexOf("ENV GREETER_HOME=\"/opt/greeter\"\nENV PATH=\"/opt/greeter/bin:${PATH}\"\nCOPY --chown=root:root greeter_1 /tmp/dev-container-features/greeter_1\n", StringComparison.Ordinal);
        Assert.True(env > dockerfile.IndexOf("&& ./devcontainer-features-install.sh", StringComparison.Ordinal), dockerfile);
        Assert.EndsWith(
            "LABEL devcontainer.metadata=\"[ \\\n{\\\"id\\\":\\\"./account\\\"}, \\\n{\\\"id\\\":\\\"./greeter\\\",\\\"postCreateCommand\\\":\\\"echo \\$HOME\\\",\\\"init\\\":true} \\\n]\"\n",
            dockerfile,
            StringComparison.Ordinal);
        Assert.Equal(["./account", "./greeter"], recipe.MetadataEntries.Select(e => e["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheContentHashFollowsTheBaseImageAndEveryFile()
    {
        var recipe = await this.RecipeAsync();
        var arguments = new Dictionary<string, string> { ["_DEV_CONTAINERS_IMAGE_USER"] = "root" };

        var hash = recipe.ContentHash("sha256:aaa", arguments);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, (await this.RecipeAsync()).ContentHash("sha256:aaa", arguments));
        Assert.NotEqual(hash, recipe.ContentHash("sha256:bbb", arguments));
        await File.AppendAllTextAsync(Path.Combine(this.workspace, ".devcontainer", "greeter", "install.sh"), "echo changed\n");
        Assert.NotEqual(hash, (await this.RecipeAsync()).ContentHash("sha256:aaa", arguments));
    }

    [Fact]
    public void UsersComeFromTheLastEntryThatSetsThemElseTheImage()
    {
        JsonObject[] entries = [new() { ["containerUser"] = "app" }, new() { ["remoteUser"] = "dev" }, new() { ["remoteUser"] = string.Empty }];

        Assert.Equal(("app", "dev"), FeaturesImageRecipe.Users(entries, "root"));
        Assert.Equal(("node", "node"), FeaturesImageRecipe.Users([], "node"));
        Assert.Equal(("root", "root"), FeaturesImageRecipe.Users([], string.Empty));
    }

    [Fact]
    public void EnvLinesEscapeLikeTheReference()
    {
        KeyValuePair<string, string>[] env = [new("A", "say \"hi\" \\ $HOME")];

        Assert.Equal("ENV A=\"say \\\"hi\\\" \\\\ $HOME\"", DockerfileSyntax.EnvLines(env, escapeDollar: false));
        Assert.Equal("ENV A=\"say \\\"hi\\\" \\\\ \\$HOME\"", DockerfileSyntax.EnvLines(env, escapeDollar: true));
    }

    [Theory]
    [InlineData("""{ "loud": "maybe" }""", "option \"loud\" is a boolean option")]
    [InlineData("""{ "flavour": "odd" }""", "option \"flavour\" must be one of \"plain\", \"fancy\"")]
    [InlineData("""{ "greeting": { "nested": 1 } }""", "option \"greeting\" must be a string or a boolean")]
    [InlineData("""[1]""", "the value must be an object of options")]
    [InlineData("""{ "loud": true, "flavour": "fancy", "undeclared": "x" }""", null)]
    public void OptionValuesAreCheckedAgainstTheDeclaration(string value, string? problem)
    {
        var definition = FeatureDefinition.Parse("""
            { "id": "greeter", "options": {
                "greeting": { "type": "string", "proposals": ["hello"] },
                "loud": { "type": "boolean", "default": false },
                "flavour": { "type": "string", "enum": ["plain", "fancy"] } } }
            """);
        var reference = FeatureReference.TryParse("./greeter", Path.Combine(this.workspace, ".devcontainer", "devcontainer.json"), this.workspace, out _)!;

        var problems = FeatureOptionCheck.Problems(new FeatureInstallStep(reference, JsonNode.Parse(value), definition));

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problem, Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheInstallWrapperNamesTheFeatureAndLoadsBothEnvFiles()
    {
        var definition = FeatureDefinition.Parse("""{ "id": "greeter", "name": "Greeter's", "version": "2.1.0" }""");
        var reference = FeatureReference.TryParse("ghcr.io/acme/features/greeter:2", "/w/.devcontainer/devcontainer.json", "/w", out _)!;

        var script = FeatureInstallScript.Create(new FeatureInstallStep(reference, null, definition));

        Assert.StartsWith("#!/bin/sh\nset -e\n", script, StringComparison.Ordinal);
        Assert.Contains("echo 'ERROR: Feature \"Greeter'\\''s\" (ghcr.io/acme/features/greeter) failed to install!'", script, StringComparison.Ordinal);
        Assert.Contains("set -a\n. ../devcontainer-features.builtin.env\n. ./devcontainer-features.env\nset +a\n", script, StringComparison.Ordinal);
        Assert.EndsWith("chmod +x ./install.sh\n./install.sh\n", script, StringComparison.Ordinal);
    }

    private static string Text(FeaturesImageRecipe recipe, string path) => Encoding.UTF8.GetString(recipe.Files.Single(f => f.Path == path).Contents!);

    private async Task<FeaturesImageRecipe> RecipeAsync()
    {
        var devcontainer = Path.Combine(this.workspace, ".devcontainer");
        this.Write("account/devcontainer-feature.json", """{ "id": "account", "options": { "uid": { "type": "string", "default": "1500" } } }""");
        this.Write("account/install.sh", "useradd dev\n", overwrite: false);
        this.Write("greeter/devcontainer-feature.json", """
            { "id": "greeter", "installsAfter": ["./account"], "init": true, "postCreateCommand": "echo $HOME",
              "containerEnv": { "GREETER_HOME": "/opt/greeter", "PATH": "/opt/greeter/bin:${PATH}" },
              "options": { "greeting": { "type": "string", "default": "hello" }, "loud": { "type": "boolean", "default": false },
                           "option-name": { "type": "string", "default": "from-default" } } }
            """);
        this.Write("greeter/install.sh", "echo greeter\n", overwrite: false);
        var config = new JsonObject { ["features"] = new JsonObject { ["./greeter"] = new JsonObject { ["greeting"] = "hola", ["loud"] = true }, ["./account"] = new JsonObject() } };
        using var http = new HttpClient();
        var features = await new FeatureResolver(new FeatureFetcher(http), TempDirectory.Create("feature-cache")).ResolveAsync(config, Path.Combine(devcontainer, "devcontainer.json"), this.workspace);
        var (containerUser, remoteUser) = FeaturesImageRecipe.Users([new JsonObject { ["remoteUser"] = "dev" }], "root");
        return FeaturesImageRecipe.Create(features, [], containerUser, remoteUser);
    }

    private void Write(string relative, string text, bool overwrite = true)
    {
        var path = Path.Combine(this.workspace, ".devcontainer", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (overwrite || !File.Exists(path))
        {
            File.WriteAllText(path, text);
        }
    }
}
