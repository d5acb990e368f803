namespace PipelineSeg.Backends.Onnx;

/// <summary>The graph's input and output names, and whether it takes one slice per run (batch dimension fixed to 1).</summary>
internal sealed record GraphIo(string Input, string Output, bool OneSlicePerRun);
