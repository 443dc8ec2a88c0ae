namespace Gitspaces.DevContainers.Validation;

/// <summary>devcontainer.json's properties and their shapes (devContainer.base.schema.json, written out for speed).</summary>
internal static class ConfigSchema
{
    /// <summary>The six lifecycle commands, in the order they run.</summary>
    public static readonly IReadOnlyList<string> LifecycleCommands =
        ["initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand", "postAttachCommand"];

    /// <summary>Top-level properties the reference still migrates, with their replacement.</summary>
    public static readonly IReadOnlyDictionary<string, string> Legacy = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["extensions"] = "customizations.vscode.extensions",
        ["settings"] = "customizations.vscode.settings",
        ["devPort"] = "customizations.vscode.devPort",
        ["dockerFile"] = "build.dockerfile",
        ["context"] = "build.context",
    };

    private static readonly ValueShape Command = new()
    {
        Kinds = JsonKinds.String | JsonKinds.Array | JsonKinds.Object,
        Description = "a string, an array of strings or an object of commands",
        Items = ValueShape.String,
        MapValues = new ValueShape { Kinds = JsonKinds.String | JsonKinds.Array, Description = "a string or an array of strings", Items = ValueShape.String },
    };

    private static readonly ValueShape PortAttributes = new()
    {
        Kinds = JsonKinds.Object,
        Description = "an object of port attributes",
        ReportUnknown = true,
        Properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
        {
            ["label"] = ValueShape.String,
            ["protocol"] = ValueShape.Enum("http", "https"),
            ["onAutoForward"] = ValueShape.Enum("notify", "openBrowser", "openBrowserOnce", "openPreview", "silent", "ignore"),
            ["requireLocalPort"] = ValueShape.Boolean,
            ["elevateIfNeeded"] = ValueShape.Boolean,
        },
    };

    private static readonly ValueShape Mount = new()
    {
        Kinds = JsonKinds.String | JsonKinds.Object,
        Description = "a --mount string or an object with type, source and target",
        ReportUnknown = true,
        Properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
        {
            ["type"] = ValueShape.Enum("bind", "volume"),
            ["source"] = ValueShape.String,
            ["target"] = ValueShape.String,
        },
    };

    private static readonly ValueShape Size = new()
    {
        Kinds = JsonKinds.String,
        Description = "a size such as \"4gb\" (a number with an optional tb, gb, mb or kb)",
        StringCheck = static text => Model.HostRequirements.IsSize(text, out _, out _),
    };

    private static readonly ValueShape Build = new()
    {
        Kinds = JsonKinds.Object,
        Description = "an object",
        ReportUnknown = true,
        Properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
        {
            ["dockerfile"] = ValueShape.String,
            ["context"] = ValueShape.String,
            ["target"] = ValueShape.String,
            ["args"] = ValueShape.StringMap,
            ["cacheFrom"] = ValueShape.StringOrStringArray,
            ["options"] = ValueShape.StringArray,
        },
    };

    private static readonly ValueShape HostRequirements = new()
    {
        Kinds = JsonKinds.Object,
        Description = "an object",
        ReportUnknown = true,
        Properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
        {
            ["cpus"] = ValueShape.Integer,
            ["memory"] = Size,
            ["storage"] = Size,
            ["gpu"] = new ValueShape
            {
                Kinds = JsonKinds.Boolean | JsonKinds.String | JsonKinds.Object,
                Description = "true, false, \"optional\" or an object with cores and memory",
                AllowedStrings = ["optional"],
                ReportUnknown = true,
                Properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
                {
                    ["cores"] = ValueShape.Integer,
                    ["memory"] = Size,
                },
            },
        },
    };

    private static readonly ValueShape Port = new() { Kinds = JsonKinds.Integer | JsonKinds.String, Description = "a port number or a \"host:port\" string" };

    /// <summary>Gets the shape of the whole file.</summary>
    public static ValueShape Root { get; } = new()
    {
        Kinds = JsonKinds.Object,
        Description = "an object",
        ReportUnknown = true,
        Properties = BuildRootProperties(),
    };

    private static Dictionary<string, ValueShape> BuildRootProperties()
    {
        var properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
        {
            ["$schema"] = ValueShape.String,
            ["name"] = ValueShape.String,
            ["image"] = ValueShape.String,
            ["build"] = Build,
            ["dockerFile"] = ValueShape.String,
            ["context"] = ValueShape.String,
            ["appPort"] = new ValueShape { Kinds = JsonKinds.Integer | JsonKinds.String | JsonKinds.Array, Description = "a port, a string or an array of them", Items = Port },
            ["runArgs"] = ValueShape.StringArray,
            ["shutdownAction"] = ValueShape.Enum("none", "stopContainer", "stopCompose"),
            ["overrideCommand"] = ValueShape.Boolean,
            ["workspaceFolder"] = ValueShape.String,
            ["workspaceMount"] = ValueShape.String,
            ["dockerComposeFile"] = ValueShape.StringOrStringArray,
            ["service"] = ValueShape.String,
            ["runServices"] = ValueShape.StringArray,
            ["features"] = new ValueShape
            {
                Kinds = JsonKinds.Object,
                Description = "an object",
                MapValues = new ValueShape
                {
                    Kinds = JsonKinds.Object | JsonKinds.String | JsonKinds.Boolean,
                    Description = "an object of options, a version string or a boolean",
                    MapValues = new ValueShape { Kinds = JsonKinds.String | JsonKinds.Boolean, Description = "a string or a boolean" },
                },
            },
            ["overrideFeatureInstallOrder"] = ValueShape.StringArray,
            ["secrets"] = new ValueShape
            {
                Kinds = JsonKinds.Object,
                Description = "an object",
                MapValues = new ValueShape
                {
                    Kinds = JsonKinds.Object,
                    Description = "an object with description and documentationUrl",
                    ReportUnknown = true,
                    Properties = new Dictionary<string, ValueShape>(StringComparer.Ordinal)
                    {
                        ["description"] = ValueShape.String,
                        ["documentationUrl"] = ValueShape.String,
                    },
                },
            },
            ["forwardPorts"] = new ValueShape { Kinds = JsonKinds.Array, Description = "an array of ports", Items = Port },
            ["portsAttributes"] = new ValueShape { Kinds = JsonKinds.Object, Description = "an object of port attributes", MapValues = PortAttributes },
            ["otherPortsAttributes"] = PortAttributes,
            ["updateRemoteUserUID"] = ValueShape.Boolean,
            ["containerEnv"] = ValueShape.StringMap,
            ["containerUser"] = ValueShape.String,
            ["mounts"] = new ValueShape { Kinds = JsonKinds.Array, Description = "an array of mounts", Items = Mount },
            ["init"] = ValueShape.Boolean,
            ["privileged"] = ValueShape.Boolean,
            ["capAdd"] = ValueShape.StringArray,
            ["securityOpt"] = ValueShape.StringArray,
            ["remoteEnv"] = new ValueShape
            {
                Kinds = JsonKinds.Object,
                Description = "an object of strings",
                MapValues = new ValueShape { Kinds = JsonKinds.String | JsonKinds.Null, Description = "a string or null" },
            },
            ["remoteUser"] = ValueShape.String,
            ["waitFor"] = ValueShape.Enum("initializeCommand", "onCreateCommand", "updateContentCommand", "postCreateCommand", "postStartCommand"),
            ["userEnvProbe"] = ValueShape.Enum("none", "loginShell", "loginInteractiveShell", "interactiveShell"),
            ["hostRequirements"] = HostRequirements,
            ["customizations"] = ValueShape.AnyObject,
            ["extensions"] = ValueShape.StringArray,
            ["settings"] = ValueShape.AnyObject,
            ["devPort"] = ValueShape.Integer,
        };
        foreach (var command in LifecycleCommands)
        {
            properties[command] = Command;
        }

        return properties;
    }
}
