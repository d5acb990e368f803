namespace PipelineSeg.Pipeline.Inference;

/// <summary>
/// The thread budget of one forward pass (<c>Inference:MaxThreads</c>). 0 means automatic: every core but one, at
/// least one. The slab pipeline decodes and labels on a side thread beside inference (Stages/StageThreads); with a core
/// of its own that thread never preempts a model thread waiting at one of its parallel loops' barriers. On 2 cores, one
/// model thread plus the side thread finish a 512×512×871 series in about half the time two model threads do
/// (docs/pipeline.md, "Threads").
/// </summary>
public static class InferenceThreads
{
    /// <summary>Threads for one forward pass: <paramref name="configured"/> when positive, else all cores but one (at least one).</summary>
    public static int Resolve(int configured)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(configured);
        return configured > 0 ? configured : Math.Max(1, Environment.ProcessorCount - 1);
    }
}
