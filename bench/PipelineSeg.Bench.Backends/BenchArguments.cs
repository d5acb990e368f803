using System.Globalization;

/// <summary>Command-line arguments of the backend benchmark (<c>--batch 1,8,32</c>: one timing per slice batch).</summary>
internal sealed record BenchArguments(string Plugins, string Model, string Backend, string Device, string Precision, int Threads, int Reps, IReadOnlyList<int> Batches)
{
    public static BenchArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string Text(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        return new BenchArguments(Text("plugins"), Text("model"), Text("backend"), values.GetValueOrDefault("device", "cpu"), values.GetValueOrDefault("precision", "fp32"),
            Int("threads", 2), Int("reps", 3),
            [.. values.GetValueOrDefault("batch", "1").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))]);
    }
}
