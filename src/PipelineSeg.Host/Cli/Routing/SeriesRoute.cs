using PipelineSeg.Pipeline.Routing;

namespace PipelineSeg.Host.Cli.Routing;

/// <summary>One series' routing explanation as <c>route</c> prints it: identified by UID and number only, never by patient.</summary>
internal sealed record SeriesRoute(string Series, int? SeriesNumber, SeriesAttributes Attributes, RoutingDecision Decision);
