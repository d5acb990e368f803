using System.Globalization;

namespace PipelineSeg.Nn;

/// <summary>
/// Constructor arguments of a reference implementation as invariant text (the manifest's <c>parameters</c> or the JSON of
/// <c>models verify --params</c>). Reads are typed and name the parameter on error; <see cref="ThrowIfUnused"/> catches
/// misspelt names, which would otherwise silently fall back to defaults.
/// </summary>
public sealed class NetworkParameters
{
    /// <summary>The key naming the reference implementation.</summary>
    public const string PresetKey = "preset";

    private readonly IReadOnlyDictionary<string, string> values;
    private readonly HashSet<string> used = new(StringComparer.Ordinal) { PresetKey };

    /// <summary>Wraps the values (not copied).</summary>
    public NetworkParameters(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
    }

    /// <summary>The values as given.</summary>
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>The preset, or <paramref name="defaultPreset"/> when none is named.</summary>
    public string Preset(string defaultPreset) => values.TryGetValue(PresetKey, out var p) && p.Length > 0 ? p : defaultPreset;

    /// <summary>True when <paramref name="name"/> is given.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>An integer, or <paramref name="defaultValue"/> when absent (null: required).</summary>
    public int Int(string name, int? defaultValue = null) => Read(name, defaultValue, text =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, "an integer");

    /// <summary>A number, or <paramref name="defaultValue"/> when absent (null: required).</summary>
    public double Double(string name, double? defaultValue = null) => Read(name, defaultValue, text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null, "a number");

    /// <summary>A boolean (true/false, any case), or <paramref name="defaultValue"/> when absent (null: required).</summary>
    public bool Bool(string name, bool? defaultValue = null) => Read(name, defaultValue, text =>
        bool.TryParse(text, out var v) ? v : null, "true or false");

    /// <summary>One of <paramref name="allowed"/>, or <paramref name="defaultValue"/> when absent (null: required).</summary>
    public string Choice(string name, string? defaultValue, params string[] allowed)
    {
        used.Add(name);
        if (!values.TryGetValue(name, out var text))
        {
            return defaultValue ?? throw new ArgumentException($"parameter '{name}' is required ({string.Join(" | ", allowed)})", name);
        }
        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new ArgumentException($"parameter '{name}' = '{text}' is not one of {string.Join(", ", allowed)}", name);
    }

    /// <summary>Fails when a parameter was never read by the family (a misspelt or unsupported argument).</summary>
    /// <exception cref="ArgumentException">Names the unused parameters.</exception>
    public void ThrowIfUnused(string family, string preset)
    {
        var unused = values.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            throw new ArgumentException($"{family} preset '{preset}' does not take parameter(s) {string.Join(", ", unused.Select(u => $"'{u}'"))}");
        }
    }

    /// <summary>The preset is one of <paramref name="presets"/>.</summary>
    /// <exception cref="ArgumentException">Names the family and its presets.</exception>
    public static string CheckPreset(string family, string preset, IReadOnlyList<string> presets) =>
        presets.Contains(preset, StringComparer.Ordinal)
            ? preset
            : throw new ArgumentException($"{family} has no preset '{preset}' (presets: {string.Join(", ", presets)})");

    private T Read<T>(string name, T? defaultValue, Func<string, T?> parse, string what) where T : struct
    {
        used.Add(name);
        if (!values.TryGetValue(name, out var text))
        {
            return defaultValue ?? throw new ArgumentException($"parameter '{name}' is required ({what})", name);
        }
        return parse(text) ?? throw new ArgumentException($"parameter '{name}' = '{text}' is not {what}", name);
    }
}
