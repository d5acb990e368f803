using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Dicom;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Host.Intake.Routing;

/// <summary>
/// Applies <c>Routing:Rules</c> to a claimed series in the service. A watched folder that names its pipeline is not
/// routed (the folder decides); otherwise the series' header (and, for network input, the sender's AE title from the
/// marker) picks its pipelines. The claim becomes one routed claim per pipeline (copies made in a hidden folder inside
/// the claim, then renamed out whole; the claim itself is renamed last), or goes to ignored/ with its routing.json.
/// </summary>
internal sealed class ClaimRouter(IOptions<RoutingOptions> routing, IOptions<InferenceOptions> inference, IOptions<IntakeOptions> intake,
    ILogger<ClaimRouter> logger)
{
    private const string CopyPrefix = ".route-";
    private const string DecisionFile = "routing.json";
    private readonly Lazy<SeriesRouter> _router = new(() => routing.Value.CreateRouter(inference.Value.DefaultPipeline));

    /// <summary>True when the claim <paramref name="name"/> of <paramref name="layout"/> is to be routed now.</summary>
    public bool AppliesTo(WatchLayout layout, string name)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return routing.Value.Enabled && string.IsNullOrWhiteSpace(layout.Watch.Pipeline) && !RoutedWork.IsRouted(name);
    }

    /// <summary>The decision for <paramref name="series"/>, claimed in <paramref name="folder"/>.</summary>
    public RoutingDecision Decide(string folder, DicomSeries series) =>
        _router.Value.Route(SeriesAttributesReader.Read(series, ArrivalMarker.ReadCallingAeTitle(folder, intake.Value.MarkerFile)));

    /// <summary>Removes copies a crash left half made inside a claim that is routed again.</summary>
    public static void RemoveUnfinishedCopies(string folder)
    {
        foreach (var copy in Directory.Exists(folder) ? Directory.GetDirectories(folder, CopyPrefix + "*") : [])
        {
            Durable.Remove(copy);
        }
    }

    /// <summary>Records the decision in the claim and moves it to ignored/.</summary>
    public void Ignore(WatchLayout layout, string name, string seriesHash, RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(decision);
        var folder = layout.WorkOf(name);
        Durable.WriteText(Path.Combine(folder, DecisionFile), JsonSerializer.Serialize(decision, ReportJson.Options));
        Directory.CreateDirectory(layout.Ignored);
        Durable.Remove(layout.IgnoredOf(name));
        Directory.Move(folder, layout.IgnoredOf(name));
        RoutingLog.Ignored(logger, name, seriesHash, Describe(decision));
    }

    /// <summary>
    /// Turns the claim into one routed claim per pipeline of <paramref name="decision"/>; returns (work name, pipeline)
    /// for each. Safe to run again after a crash: finished copies are kept, unfinished ones made again.
    /// </summary>
    public IReadOnlyList<(string Name, string Pipeline)> Split(WatchLayout layout, string name, string seriesHash, RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(decision);
        var folder = layout.WorkOf(name);
        var pipelines = decision.Pipelines.Distinct(StringComparer.Ordinal).ToList();
        var parts = pipelines.Select(p => (Name: RoutedWork.Name(name, p), Pipeline: p)).ToList();
        for (var i = 0; i < parts.Count - 1; i++)
        {
            var target = layout.WorkOf(parts[i].Name);
            if (Directory.Exists(target))
            {
                continue;
            }
            var copy = Path.Combine(folder, CopyPrefix + RoutedWork.Folder(parts[i].Pipeline));
            Durable.Remove(copy);
            foreach (var file in InputFiles.Under(folder).Where(f => !Path.GetRelativePath(folder, f).StartsWith(CopyPrefix, StringComparison.Ordinal)))
            {
                var to = Path.Combine(copy, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
            Durable.FlushTree(copy);
            Directory.Move(copy, target);
        }
        Directory.Move(folder, layout.WorkOf(parts[^1].Name));
        RoutingLog.Routed(logger, name, seriesHash, Describe(decision), string.Join(", ", pipelines));
        return parts;
    }

    private static string Describe(RoutingDecision decision) => decision.IsDefault
        ? decision.Ignored ? "no rule matched (Routing:IgnoreUnmatched)" : "no rule matched (default)"
        : $"rule '{decision.Rule}'";
}
