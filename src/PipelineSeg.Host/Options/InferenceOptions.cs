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

    /// <summary>Threads one forward pass may use (0 = all cores).</summary>
    [Range(0, 1024)]
    public int MaxThreads { get; set; }

    /// <summary>Slices sent to the model per call (memory versus per-call overhead).</summary>
    [Range(1, 256)]
    public int SlicesPerBatch { get; set; } = 4;
}
