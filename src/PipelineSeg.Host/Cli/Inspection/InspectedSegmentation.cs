namespace PipelineSeg.Host.Cli.Inspection;

/// <summary>What <c>inspect</c> says about a DICOM-SEG: its segments, frames and the series it annotates.</summary>
/// <param name="Type">BINARY, FRACTIONAL or LABELMAP.</param>
/// <param name="Frames">Number of frames over all SEG instances of the series.</param>
/// <param name="Segments">Segment number and label.</param>
/// <param name="ReferencedSeries">Series Instance UIDs the SEG references.</param>
internal sealed record InspectedSegmentation(string Type, int Frames, IReadOnlyList<InspectedSegment> Segments, IReadOnlyList<string> ReferencedSeries);

/// <summary>One segment of a SEG.</summary>
internal sealed record InspectedSegment(int Number, string Label);
