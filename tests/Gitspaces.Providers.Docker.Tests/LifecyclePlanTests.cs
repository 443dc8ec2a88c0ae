using Gitspaces.DevContainers.Model;

namespace Gitspaces.Providers.Docker.Tests;

/// <summary>The <c>dev.gitspaces.lifecycle</c> label: containers made by earlier builds carry it, and start and connect replay it.</summary>
public sealed class LifecyclePlanTests
{
    // Written by the build before the provider used Gitspaces.DevContainers' LifecycleCommand (its JsonElement record).
    private const string EarlierLabel = """{"hooks":{"onCreateCommand":[{"origin":"devcontainer.json","command":"echo a","isEmpty":false}],"updateContentCommand":[],"postCreateCommand":[{"origin":"Feature \u0027ghcr.io/x/y:1\u0027","command":"echo feature","isEmpty":false}],"postStartCommand":[{"origin":"devcontainer.json","command":["echo","b"],"isEmpty":false}],"postAttachCommand":[{"origin":"devcontainer.json","command":{"x":"echo c","y":["echo","d"]},"isEmpty":false}]},"waitFor":"updateContentCommand"}""";

    [Fact]
    public void ReadsALabelAnEarlierBuildWrote()
    {
        var plan = LifecyclePlan.FromLabels(new Dictionary<string, string> { [DockerLabels.Lifecycle] = EarlierLabel });

        Assert.Equal(LifecycleHooks.UpdateContent, plan.WaitFor);
        var onCreate = Assert.Single(plan.For(LifecycleHooks.OnCreate));
        Assert.Equal(("devcontainer.json", LifecycleCommandForm.Shell, "echo a"), (onCreate.Origin, onCreate.Command.Form, onCreate.Command.ShellCommand));
        Assert.Equal("Feature 'ghcr.io/x/y:1'", Assert.Single(plan.For(LifecycleHooks.PostCreate)).Origin);
        Assert.Equal(["echo", "b"], Assert.Single(plan.For(LifecycleHooks.PostStart)).Command.Arguments);
        var attach = Assert.Single(plan.For(LifecycleHooks.PostAttach)).Command;
        Assert.Equal(LifecycleCommandForm.Parallel, attach.Form);
        Assert.Equal("echo c", attach.Parallel["x"].ShellCommand);
        Assert.Equal(["echo", "d"], attach.Parallel["y"].Arguments);
        Assert.Empty(plan.For(LifecycleHooks.UpdateContent));
    }

    [Fact]
    public void WritesTheShapeEarlierBuildsWrote()
    {
        var plan = LifecyclePlan.FromLabels(new Dictionary<string, string> { [DockerLabels.Lifecycle] = EarlierLabel });

        Assert.Equal(EarlierLabel, plan.ToLabel());
    }

    [Fact]
    public void AValueOfNoCommandFormIsSkippedAsBefore()
    {
        const string label = """{"hooks":{"postStartCommand":[{"origin":"image","command":5,"isEmpty":true},{"origin":"image","command":null},{"origin":"devcontainer.json","command":"run"}]}}""";

        var plan = LifecyclePlan.FromLabels(new Dictionary<string, string> { [DockerLabels.Lifecycle] = label });

        Assert.Equal("run", Assert.Single(plan.For(LifecycleHooks.PostStart)).Command.ShellCommand);
    }

    [Fact]
    public void AContainerWithoutTheLabelHasNoCommands()
    {
        var plan = LifecyclePlan.FromLabels(new Dictionary<string, string>());

        Assert.Empty(LifecycleHooks.All.SelectMany(plan.For));
        Assert.Equal(LifecycleHooks.DefaultWaitFor, plan.WaitFor);
    }
}
