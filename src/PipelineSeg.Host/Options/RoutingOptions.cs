using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Host.Options;

/// <summary>
/// Routing rules (section <c>Routing</c>): which pipelines a series gets, decided on its DICOM header attributes. With no
/// rules every series gets <c>Inference:DefaultPipeline</c> (or the pipeline named on the command line / watch folder), as before.
/// </summary>
public sealed class RoutingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Routing";

    /// <summary>Rules in order; the first whose conditions all hold wins.</summary>
    public List<RoutingRule> Rules { get; set; } = [];

    /// <summary>Pipelines for a series no rule matched; empty means <c>Inference:DefaultPipeline</c>.</summary>
    public List<string> DefaultPipelines { get; set; } = [];

    /// <summary>A series no rule matched is not processed (instead of getting the default pipelines).</summary>
    public bool IgnoreUnmatched { get; set; }

    /// <summary>True when any rule is configured (otherwise routing leaves today's behaviour untouched).</summary>
    public bool Enabled => Rules.Count > 0;

    /// <summary>The router for these (validated) options; <paramref name="defaultPipeline"/> is <c>Inference:DefaultPipeline</c>.</summary>
    public SeriesRouter CreateRouter(string defaultPipeline) =>
        new(Rules, DefaultPipelines.Count > 0 ? DefaultPipelines : [defaultPipeline], IgnoreUnmatched);
}
