using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Comparison.Running;

/// <summary>
/// The model segment scored against the ground truth: named by dataset.json <c>segment</c> (else the first foreground
/// class), with the classes it contains (manifest <c>contains</c>), whose probabilities it includes — like batch scores
/// liver ∪ lesion as the liver.
/// </summary>
public sealed record ComparedSegment(string Label, IReadOnlyList<int> ClassIndices)
{
    /// <summary>The segment of <paramref name="manifest"/>; throws naming the model's segments when <paramref name="name"/> is not one.</summary>
    public static ComparedSegment Resolve(ModelManifest manifest, string? name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var classes = manifest.Output.Classes;
        var chosen = name is null
            ? classes.FirstOrDefault(c => !c.IsBackground)
            : classes.FirstOrDefault(c => !c.IsBackground && string.Equals(c.Label, name, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            throw new InvalidDataException(
                $"model '{manifest.Id}' has no segment '{name}' (segments: {string.Join(", ", classes.Where(c => !c.IsBackground).Select(c => c.Label))})");
        }
        var indices = classes.Select((c, i) => (c, i))
            .Where(t => t.c == chosen || chosen.Contains.Contains(t.c.Label, StringComparer.OrdinalIgnoreCase))
            .Select(t => t.i);
        return new ComparedSegment(chosen.Label, [.. indices]);
    }
}
