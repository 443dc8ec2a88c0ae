using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>
/// Reads a property that holds one value or a list of them (<c>appPort</c>, <c>forwardPorts</c>, <c>capAdd</c> in a
/// label, …) as a list, without moving the value anywhere.
/// </summary>
/// <remarks>
/// Written out instead of <c>node is JsonArray a ? a : [node]</c>: that collection expression takes its type from the
/// other branch and becomes <c>new JsonArray { node }</c>, which re-parents a node that already has one and throws
/// "The node already has a parent" on a valid configuration.
/// </remarks>
internal static class ValueOrList
{
    /// <summary>Returns the items of an array, the value itself as the only item, or nothing for null.</summary>
    /// <param name="node">The property's value.</param>
    /// <returns>The items; still owned by their parents (clone one before adding it elsewhere).</returns>
    public static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => Array.Empty<JsonNode?>(),
        JsonArray array => array,
        _ => new JsonNode?[] { node },
    };
}
