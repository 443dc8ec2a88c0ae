using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gitspaces.DevContainers;

// Usage:
//   ReadBench read <folder> [config]         one read, prints {configuration, workspace} like read-configuration (for whole-process timing)
//   ReadBench micro <folder> <iterations>    in-process: warm-up, then per-read times and allocations
//   ReadBench noop                           starts and exits: the floor any .NET process published this way pays
if (args.Length == 1 && args[0] == "noop")
{
    return 0;
}

if (args.Length >= 2 && args[0] == "read")
{
    var cold = Stopwatch.StartNew();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var result = DevContainerReader.Read(args[1], args.Length > 2 ? args[2] : null);
    if (Environment.GetEnvironmentVariable("READBENCH_COLD") is not null)
    {
        Console.Error.WriteLine($"cold read: {cold.Elapsed.TotalMilliseconds:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms cpu, process so far: {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms");
    }
    var output = new JsonObject { ["configuration"] = result.Configuration?.DeepClone(), ["workspace"] = result.Workspace?.Json.DeepClone() };

    // A writer with an encoder, not JsonSerializerOptions: the latter loads the reflection-based serializer at start-up.
    using (var stdout = Console.OpenStandardOutput())
    using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
    {
        output.WriteTo(writer);
    }

    Console.WriteLine();
    return result.Configuration is null ? 1 : 0;
}

if (args.Length >= 3 && args[0] == "micro")
{
    var iterations = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    for (var i = 0; i < Math.Min(iterations, 200); i++)
    {
        _ = DevContainerReader.Read(args[1], null);
    }

    var times = new double[iterations];
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        _ = DevContainerReader.Read(args[1], null);
        times[i] = watch.Elapsed.TotalMicroseconds;
    }

    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / iterations;
    Array.Sort(times);
    Console.WriteLine($"iterations={iterations} median_us={times[iterations / 2]:F1} p95_us={times[(int)(iterations * 0.95)]:F1} min_us={times[0]:F1} alloc_bytes_per_read={allocated}");
    return 0;
}

Console.Error.WriteLine("usage: ReadBench read <folder> [config] | micro <folder> <iterations> | noop");
return 2;
