using System.Text.Json.Nodes;
using Gitspaces.DevContainers.Jsonc;

namespace Gitspaces.DevContainers.Validation;

/// <summary>Collects diagnostics for one file, turning offsets and nodes into lines, columns and JSON paths.</summary>
internal sealed class DiagnosticBag(string file, JsoncDocument? document)
{
    private readonly List<DevContainerDiagnostic> items = [];

    public string File { get; } = file;

    public JsoncDocument? Document { get; } = document;

    public bool HasErrors => this.items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(DiagnosticSeverity severity, string code, string message, int offset = -1, string? path = null)
    {
        var (line, column) = this.Document?.LineColumnOf(offset) ?? (1, 1);
        this.items.Add(new DevContainerDiagnostic(this.File, line, column, severity, message, code, path));
    }

    /// <summary>Reports a problem with the value of <paramref name="key"/> in <paramref name="parent"/> (at the value, or at the key when the value is null).</summary>
    public void AddAt(JsonObject parent, string key, DiagnosticSeverity severity, string code, string message)
    {
        var value = parent[key];
        var offset = this.Document?.OffsetOf(value) ?? -1;
        if (offset < 0)
        {
            offset = this.Document?.OffsetOfProperty(parent, key) ?? -1;
        }

        this.Add(severity, code, message, offset, JsonPaths.Child(parent.GetPath(), key));
    }

    /// <summary>Reports a problem with the property <paramref name="key"/> itself (at its name).</summary>
    public void AddAtKey(JsonObject parent, string key, DiagnosticSeverity severity, string code, string message)
        => this.Add(severity, code, message, this.Document?.OffsetOfProperty(parent, key) ?? -1, JsonPaths.Child(parent.GetPath(), key));

    /// <summary>Reports a problem with <paramref name="node"/> (never null).</summary>
    public void AddAt(JsonNode node, DiagnosticSeverity severity, string code, string message)
        => this.Add(severity, code, message, this.Document?.OffsetOf(node) ?? -1, node.GetPath());

    public void AddRange(DiagnosticBag other)
    {
        foreach (var diagnostic in other.items)
        {
            this.items.Add(diagnostic with { File = this.File });
        }
    }

    /// <summary>The diagnostics by severity, then position; in the order they were added where those are equal.</summary>
    /// <remarks>An insertion sort, not OrderBy: there are a handful, and LINQ ordering by a struct key is compiled at start-up.</remarks>
    public IReadOnlyList<DevContainerDiagnostic> ToSortedList()
    {
        var sorted = this.items.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            var slot = i;
            while (slot > 0 && Precedes(item, sorted[slot - 1]))
            {
                sorted[slot] = sorted[slot - 1];
                slot--;
            }

            sorted[slot] = item;
        }

        return sorted;
    }

    private static bool Precedes(DevContainerDiagnostic a, DevContainerDiagnostic b)
    {
        if (a.Severity != b.Severity)
        {
            return a.Severity < b.Severity;
        }

        return a.Line != b.Line ? a.Line < b.Line : a.Column < b.Column;
    }
}
