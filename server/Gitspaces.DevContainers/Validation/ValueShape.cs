namespace Gitspaces.DevContainers.Validation;

/// <summary>What a value of the schema may look like: the few JSON-schema keywords devcontainer.json needs.</summary>
internal sealed class ValueShape
{
    public required JsonKinds Kinds { get; init; }

    /// <summary>Gets how the expected type reads in a message, e.g. "a string or an array of strings".</summary>
    public required string Description { get; init; }

    public ValueShape? Items { get; init; }

    public IReadOnlyDictionary<string, ValueShape>? Properties { get; init; }

    /// <summary>Gets the shape of every value of a map (an object whose keys are free), when the object is a map.</summary>
    public ValueShape? MapValues { get; init; }

    public string[]? AllowedStrings { get; init; }

    /// <summary>Gets a check every string value must pass (a schema <c>pattern</c>, written out).</summary>
    public Func<string, bool>? StringCheck { get; init; }

    /// <summary>Gets a value indicating whether properties outside <see cref="Properties"/> are reported.</summary>
    public bool ReportUnknown { get; init; }

    public static ValueShape String { get; } = new() { Kinds = JsonKinds.String, Description = "a string" };

    public static ValueShape Boolean { get; } = new() { Kinds = JsonKinds.Boolean, Description = "a boolean" };

    public static ValueShape Integer { get; } = new() { Kinds = JsonKinds.Integer, Description = "an integer" };

    public static ValueShape AnyObject { get; } = new() { Kinds = JsonKinds.Object, Description = "an object" };

    public static ValueShape StringArray { get; } = new() { Kinds = JsonKinds.Array, Description = "an array of strings", Items = String };

    public static ValueShape StringMap { get; } = new() { Kinds = JsonKinds.Object, Description = "an object of strings", MapValues = String };

    public static ValueShape StringOrStringArray { get; } = new() { Kinds = JsonKinds.String | JsonKinds.Array, Description = "a string or an array of strings", Items = String };

    public static ValueShape Enum(params string[] values) => new()
    {
        Kinds = JsonKinds.String,
        Description = "one of \"" + string.Join("\", \"", values) + "\"",
        AllowedStrings = values,
    };
}
