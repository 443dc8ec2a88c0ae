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
    /// <remarks>Plain loops, not LINQ: LINQ over key/value pairs is compiled at start-up in every process that reads.</remarks>
    public static void Apply(JsonObject target)
    {
        var count = target.Count;
        var keys = new string[count];
        var values = new JsonNode?[count];
        var indexKeys = new ulong[count];
        var indexPositions = new int[count];
        var indexCount = 0;
        var position = 0;
        foreach (var (key, value) in target)
        {
            keys[position] = key;
            values[position] = value;
            if (IsArrayIndex(key))
            {
                // Insertion sort: objects with index-like keys are rare and small.
                var index = ulong.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
                var slot = indexCount++;
                while (slot > 0 && indexKeys[slot - 1] > index)
                {
                    indexKeys[slot] = indexKeys[slot - 1];
                    indexPositions[slot] = indexPositions[slot - 1];
                    slot--;
                }

                indexKeys[slot] = index;
                indexPositions[slot] = position;
            }

            position++;
        }

        target.Clear();
        for (var i = 0; i < indexCount; i++)
        {
            target.Add(keys[indexPositions[i]], values[indexPositions[i]]);
        }

        for (var i = 0; i < count; i++)
        {
            if (!IsArrayIndex(keys[i]))
            {
                target.Add(keys[i], values[i]);
            }
        }
    }
}
