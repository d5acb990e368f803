namespace PipelineSeg.Pipeline.Outputs;

/// <summary>What a FRACTIONAL SEG says about itself: its series and content labels, and the applicability note.</summary>
/// <param name="SeriesDescription">Series Description, e.g. "PipelineSeg liver probabilities".</param>
/// <param name="ContentLabel">Content Label (CS), e.g. PROBABILITY or UNCERTAINTY.</param>
/// <param name="SeriesNumber">Series Number, distinct from the binary SEG's (300).</param>
/// <param name="Note">The applicability warning that leads the Content Description, if any.</param>
public sealed record FractionalSegmentationContent(string SeriesDescription, string ContentLabel, int SeriesNumber = 301, string? Note = null);
