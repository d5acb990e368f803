using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Host.Cli.Routing;

/// <summary>The human-readable form of <c>route</c>: per series the decision, then every condition checked with the value seen.</summary>
internal static class RouteText
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<SeriesRoute> routes, bool rulesConfigured)
    {
        if (!rulesConfigured)
        {
            await output.WriteLineAsync("no Routing:Rules configured: every series gets the default pipeline").ConfigureAwait(false);
        }
        foreach (var route in routes)
        {
            var d = route.Decision;
            var target = d.Ignored ? "ignored" : "pipelines: " + string.Join(", ", d.Pipelines);
            var by = d.IsDefault ? "no rule matched (default)" : $"rule '{d.Rule}'";
            await output.WriteLineAsync($"series {route.Series} (number {route.SeriesNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, "
                + $"{route.Attributes.Modality ?? "?"}): {target} by {by}").ConfigureAwait(false);
            foreach (var evaluation in d.Evaluations)
            {
                await output.WriteLineAsync($"  rule '{evaluation.Rule}': {(evaluation.Matched ? "matched" : "not matched")}").ConfigureAwait(false);
                foreach (var c in evaluation.Conditions)
                {
                    await output.WriteLineAsync($"    {(c.Matched ? "ok  " : "FAIL")} {c.Attribute}: expected {c.Expected}, seen {Seen(c)}").ConfigureAwait(false);
                }
            }
        }
    }

    private static string Seen(ConditionResult c) => c.Seen is null ? "(absent)" : $"'{c.Seen}'";
}
