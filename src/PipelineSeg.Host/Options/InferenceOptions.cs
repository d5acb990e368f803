using System.ComponentModel.DataAnnotations;

namespace PipelineSeg.Host.Options;

/// <summary>How inference runs (section <c>Inference</c>).</summary>
public sealed class InferenceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Inference";

    /// <summary>Pipeline used when a command or watch folder names none; must be defined under <c>Pipelines</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultPipeline { get; set; } = "liver";

    /// <summary>Threads one forward pass may use (0 = automatic: all cores but one, left to decoding and labelling; <see cref="PipelineSeg.Pipeline.Inference.InferenceThreads"/>).</summary>
    [Range(0, 1024)]
    public int MaxThreads { get; set; }

    /// <summary>Slices sent to the model per call (memory versus per-call overhead).</summary>
    [Range(1, 256)]
    public int SlicesPerBatch { get; set; } = 4;

    /// <summary>
    /// Execution backend for every model (<c>builtin</c>, <c>torch</c>, <c>onnx</c>; <c>--backend</c>); empty: each model's own
    /// manifest backend. torch and onnx are plugins (docs/backends.md).
    /// </summary>
    public string? Backend { get; set; }

    /// <summary>Device of the torch and onnx backends: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (<c>--device</c>).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>
    /// Type the torch backend computes in: <c>fp32</c> (default), <c>fp16</c> (CUDA) or <c>bf16</c> (<c>--precision</c>;
    /// docs/backends.md). Labels stay within the Dice tolerance of fp32 that tests and bench/gpu/run.sh check.
    /// </summary>
    public string Precision { get; set; } = "fp32";

    /// <summary>
    /// <see cref="SlicesPerBatch"/> per backend name (e.g. <c>{ "torch": 16 }</c>: a GPU wants larger batches than the
    /// builtin engine); the backend is <see cref="Backend"/>, else builtin.
    /// </summary>
    public Dictionary<string, int> SlicesPerBatchByBackend { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The slice batch of the backend in effect.</summary>
    public int EffectiveSlicesPerBatch =>
        SlicesPerBatchByBackend.TryGetValue(string.IsNullOrWhiteSpace(Backend) ? "builtin" : Backend, out var own) ? own : SlicesPerBatch;
}
