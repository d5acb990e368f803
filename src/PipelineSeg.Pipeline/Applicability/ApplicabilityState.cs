namespace PipelineSeg.Pipeline.Applicability;

/// <summary>What the input checks hand to the result checks: their report and the sampled body masks.</summary>
/// <param name="Report">The report after the input checks.</param>
/// <param name="Sample">The intensity sample, when the card has a histogram.</param>
public sealed record ApplicabilityState(ApplicabilityReport Report, IntensitySample? Sample);
