using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Model;

/// <summary>One lifecycle command in one of its three forms.</summary>
public sealed class LifecycleCommand
{
    private LifecycleCommand(LifecycleCommandForm form, string? shellCommand, IReadOnlyList<string>? arguments, IReadOnlyDictionary<string, LifecycleCommand>? parallel)
    {
        this.Form = form;
        this.ShellCommand = shellCommand;
        this.Arguments = arguments ?? [];
        this.Parallel = parallel ?? new Dictionary<string, LifecycleCommand>();
    }

    /// <summary>Gets the form.</summary>
    public LifecycleCommandForm Form { get; }

    /// <summary>Gets the command line for <c>/bin/sh -c</c> (the <see cref="LifecycleCommandForm.Shell"/> form).</summary>
    public string? ShellCommand { get; }

    /// <summary>Gets argv (the <see cref="LifecycleCommandForm.Exec"/> form); empty otherwise.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Gets the named commands (the <see cref="LifecycleCommandForm.Parallel"/> form), in file order; empty otherwise.</summary>
    public IReadOnlyDictionary<string, LifecycleCommand> Parallel { get; }

    /// <summary>Gets a value indicating whether there is nothing to run (a blank string, <c>[]</c> or <c>{}</c>): the reference skips those.</summary>
    public bool IsEmpty => this.Form switch
    {
        LifecycleCommandForm.Shell => string.IsNullOrWhiteSpace(this.ShellCommand),
        LifecycleCommandForm.Exec => this.Arguments.Count == 0,
        _ => this.Parallel.Count == 0,
    };

    /// <summary>Creates a shell-form command.</summary>
    /// <param name="command">The command line.</param>
    public static LifecycleCommand Shell(string command) => new(LifecycleCommandForm.Shell, command, null, null);

    /// <summary>Creates an exec-form command.</summary>
    /// <param name="arguments">argv.</param>
    public static LifecycleCommand Exec(IReadOnlyList<string> arguments) => new(LifecycleCommandForm.Exec, null, arguments, null);

    /// <summary>Creates a parallel-form command.</summary>
    /// <param name="commands">The named commands.</param>
    public static LifecycleCommand InParallel(IReadOnlyDictionary<string, LifecycleCommand> commands) => new(LifecycleCommandForm.Parallel, null, null, commands);

    /// <summary>Reads a command from JSON; null for anything that is not one of the three forms.</summary>
    /// <param name="node">The JSON value.</param>
    public static LifecycleCommand? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when ConfigBinder.String(value) is { } text:
                return Shell(text);
            case JsonArray array:
                var arguments = new List<string>(array.Count);
                foreach (var item in array)
                {
                    arguments.Add(ConfigBinder.String(item) ?? item?.ToJsonString() ?? "null");
                }

                return Exec(arguments);
            case JsonObject obj:
                var commands = new Dictionary<string, LifecycleCommand>(StringComparer.Ordinal);
                foreach (var (name, child) in obj)
                {
                    if (child is not JsonObject && FromJson(child) is { } command)
                    {
                        commands[name] = command;
                    }
                }

                return InParallel(commands);
            default:
                return null;
        }
    }

    /// <summary>Describes the command on one line, for messages: a shell command as written, argv joined by spaces, the names of parallel commands.</summary>
    /// <returns>For example <c>npm ci</c>, <c>make test</c> or <c>{build, lint} in parallel</c>.</returns>
    public override string ToString() => this.Form switch
    {
        LifecycleCommandForm.Shell => this.ShellCommand!,
        LifecycleCommandForm.Exec => string.Join(' ', this.Arguments),
        _ => "{" + string.Join(", ", this.Parallel.Keys) + "} in parallel",
    };

    /// <summary>Writes the command back as JSON.</summary>
    public JsonNode ToJson() => this.Form switch
    {
        LifecycleCommandForm.Shell => JsonValue.Create(this.ShellCommand!),
        LifecycleCommandForm.Exec => new JsonArray([.. this.Arguments.Select(a => (JsonNode)JsonValue.Create(a))]),
        _ => new JsonObject(this.Parallel.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToJson()))),
    };
}
