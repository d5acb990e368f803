// Renders the per-slice Dice plot of an `evaluate --per-slice --json` result with the report's plot code.
// Run: dotnet run tools/reporting/slice_dice_plot.cs -- EVAL.json OUT.png "title"
#:project ../../src/PipelineSeg.Reporting/PipelineSeg.Reporting.csproj
using System.Text.Json;
using PipelineSeg.Reporting.Plots;

using var document = JsonDocument.Parse(File.ReadAllText(args[0]));
var segments = new Dictionary<string, IReadOnlyList<SliceDicePoint>>();
foreach (var segment in document.RootElement.GetProperty("segments").EnumerateArray())
{
    // a slice where neither side has the segment scores Dice 1 by convention (docs/metrics.md); plotted as a gap instead
    segments[segment.GetProperty("name").GetString()!] = segment.GetProperty("slices").EnumerateArray()
        .Select(s => new SliceDicePoint(s.GetProperty("z").GetInt32(),
            s.GetProperty("predictedVoxels").GetInt64() == 0 && s.GetProperty("groundTruthVoxels").GetInt64() == 0 ? null : s.GetProperty("dice").GetDouble()))
        .ToList();
}
File.WriteAllBytes(args[1], SliceDicePlot.Png(segments, args[2]));
Console.WriteLine($"wrote {args[1]}");
