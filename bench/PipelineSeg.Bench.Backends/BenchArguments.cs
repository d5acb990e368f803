using System.Globalization;

/// <summary>Command-line arguments of the backend benchmark.</summary>
internal sealed record BenchArguments(string Plugins, string Model, string Backend, string Device, int Threads, int Reps, int Batch)
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
        return new BenchArguments(Text("plugins"), Text("model"), Text("backend"), values.GetValueOrDefault("device", "cpu"),
            Int("threads", 2), Int("reps", 3), Int("batch", 1));
    }
}
