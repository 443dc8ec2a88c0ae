using System.Text.Json.Nodes;

namespace Gitspaces.DevContainers.Jsonc;

/// <summary>
/// JavaScript objects list array-index keys ("0", "10", …) first, ascending, and the rest in insertion order;
/// JSON.stringify prints them that way, so the reference prints <c>{"b":1,"2":1}</c> as <c>{"2":1,"b":1}</c>.
/// </summary>
internal static class JsObjectOrder
{
    /// <summary>Tells whether <paramref name="key"/> is a canonical array index (0 … 2³²−2 without leading zeros).</summary>
    public static bool IsArrayIndex(string key)
    {
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return ulong.Parse(key, System.Globalization.CultureInfo.InvariantCulture) <= 4294967294UL;
    }

    /// <summary>Reorders <paramref name="target"/> in place as a JavaScript object would hold its keys.</summary>
    public static void Apply(JsonObject target)
    {
        var properties = target.ToList();
        target.Clear();
        foreach (var property in properties.Where(p => IsArrayIndex(p.Key)).OrderBy(p => ulong.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)))
        {
            target.Add(property.Key, property.Value);
        }

        foreach (var property in properties.Where(p => !IsArrayIndex(p.Key)))
        {
            target.Add(property.Key, property.Value);
        }
    }
}
