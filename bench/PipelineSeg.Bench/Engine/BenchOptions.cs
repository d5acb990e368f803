using System.Globalization;

namespace PipelineSeg.Bench.Engine;

/// <summary>Tiny "--name value" parser for the engine benchmarks.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public BenchOptions(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            string name = args[i][2..];
            values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => values.GetValueOrDefault(name);

    public bool Flag(string name) => values.ContainsKey(name);
}
