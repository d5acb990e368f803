namespace PipelineSeg.Pipeline.Outputs;

/// <summary>One model of the pipeline (the model itself, then each ensemble member) and its share of the probability average.</summary>
public sealed record ReportModelMember(string Id, string Version, double Weight);
