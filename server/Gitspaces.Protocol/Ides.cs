namespace Gitspaces.Protocol;

/// <summary>The IDE ids a gitspace can be made for; the same strings as Harness's <c>IDEType</c>.</summary>
public static class Ides
{
    /// <summary>VS Code desktop over Remote-SSH.</summary>
    public const string VsCode = "vs_code";

    /// <summary>VS Code in the browser.</summary>
    public const string VsCodeWeb = "vs_code_web";

    /// <summary>Cursor over its Remote-SSH.</summary>
    public const string Cursor = "cursor";

    /// <summary>Windsurf over its Remote-SSH.</summary>
    public const string Windsurf = "windsurf";

    /// <summary>IntelliJ IDEA through JetBrains Gateway.</summary>
    public const string IntelliJ = "intellij";

    /// <summary>PyCharm through JetBrains Gateway.</summary>
    public const string PyCharm = "pycharm";

    /// <summary>GoLand through JetBrains Gateway.</summary>
    public const string GoLand = "goland";

    /// <summary>WebStorm through JetBrains Gateway.</summary>
    public const string WebStorm = "webstorm";

    /// <summary>CLion through JetBrains Gateway.</summary>
    public const string CLion = "clion";

    /// <summary>PhpStorm through JetBrains Gateway.</summary>
    public const string PhpStorm = "phpstorm";

    /// <summary>RubyMine through JetBrains Gateway.</summary>
    public const string RubyMine = "rubymine";

    /// <summary>Rider through JetBrains Gateway.</summary>
    public const string Rider = "rider";

    /// <summary>Gets every IDE id, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [VsCode, VsCodeWeb, Cursor, Windsurf, IntelliJ, PyCharm, GoLand, WebStorm, CLion, PhpStorm, RubyMine, Rider];

    /// <summary>Returns the JetBrains product code (IU, PY, GO, WS, CL, PS, RM, RD) of a JetBrains IDE id.</summary>
    /// <param name="ide">An IDE id.</param>
    /// <returns>The product code, or <see langword="null"/> for a non-JetBrains IDE.</returns>
    public static string? JetBrainsProductCode(string ide) => ide switch
    {
        IntelliJ => "IU",
        PyCharm => "PY",
        GoLand => "GO",
        WebStorm => "WS",
        CLion => "CL",
        PhpStorm => "PS",
        RubyMine => "RM",
        Rider => "RD",
        _ => null,
    };
}
