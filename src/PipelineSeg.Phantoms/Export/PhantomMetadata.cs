using System.Text.Json;
using PipelineSeg.Phantoms.Generation;

namespace PipelineSeg.Phantoms.Export;

/// <summary>meta.json written next to npy/NIfTI phantoms: everything a training script needs besides the arrays.</summary>
public sealed record PhantomMetadata(
    int Seed,
    int[] Shape,
    double[] Origin,
    double[] Spacing,
    double[] Direction,
    double NoiseSigmaHu,
    int LesionCount,
    double LiverMl,
    double LesionMl,
    IReadOnlyList<string> LabelNames)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Describes <paramref name="phantom"/>; shape is [z, y, x], the rest (x, y, z) in LPS mm, direction row-major.</summary>
    public static PhantomMetadata Of(PhantomCase phantom)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        var g = phantom.Ct.Geometry;
        var d = g.Direction;
        return new PhantomMetadata(
            phantom.Seed,
            [phantom.Ct.Depth, phantom.Ct.Height, phantom.Ct.Width],
            [g.Origin.X, g.Origin.Y, g.Origin.Z],
            [g.Spacing.X, g.Spacing.Y, g.Spacing.Z],
            [d.M00, d.M01, d.M02, d.M10, d.M11, d.M12, d.M20, d.M21, d.M22],
            phantom.NoiseSigmaHu,
            phantom.LesionCount,
            (phantom.CountLabel(PhantomLabels.Liver) + phantom.CountLabel(PhantomLabels.Lesion)) * phantom.VoxelVolumeMl,
            phantom.CountLabel(PhantomLabels.Lesion) * phantom.VoxelVolumeMl,
            PhantomLabels.Names);
    }

    /// <summary>Writes the metadata as indented camelCase JSON.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json) + "\n", cancellationToken);
}
