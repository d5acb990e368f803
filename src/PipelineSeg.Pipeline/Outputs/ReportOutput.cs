namespace PipelineSeg.Pipeline.Outputs;

/// <summary>One result object written for the series: the output's name (seg, rtstruct, …) and its files, relative to the result folder.</summary>
public sealed record ReportOutput(string Name, IReadOnlyList<string> Files);
