using System.Text.RegularExpressions;

namespace PipelineSeg.Pipeline.Routing;

/// <summary>How rule patterns are compiled: case-insensitive, culture-invariant, with a timeout so a bad pattern cannot stall intake.</summary>
internal static class RoutingRegex
{
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);
}
