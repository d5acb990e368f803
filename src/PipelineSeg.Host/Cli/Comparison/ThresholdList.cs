using System.Globalization;

namespace PipelineSeg.Host.Cli.Comparison;

/// <summary>Parses <c>--thresholds 0.1,0.3,…</c>: numbers in (0, 1), each once.</summary>
internal static class ThresholdList
{
    /// <exception cref="FormatException">A value is not a number in (0, 1) or repeats.</exception>
    public static IReadOnlyList<double> Parse(string text)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is <= 0 or >= 1)
            {
                throw new FormatException($"--thresholds: '{part}' is not a number between 0 and 1");
            }
            if (values.Contains(t))
            {
                throw new FormatException($"--thresholds: {part} appears twice");
            }
            values.Add(t);
        }
        return values.Count > 0 ? values : throw new FormatException("--thresholds: give at least one threshold");
    }
}
