using PipelineSeg.Imaging;

namespace PipelineSeg.Phantoms.Generation;

/// <summary>One generated scan: the CT in Hounsfield units and its ground truth, on the same grid.</summary>
public sealed class PhantomCase
{
    /// <summary>Bundles the generated volumes.</summary>
    public PhantomCase(int seed, Volume<short> ct, Volume<byte> labels, Volume<byte> anatomyLabels, double noiseSigmaHu, int lesionCount)
    {
        ArgumentNullException.ThrowIfNull(ct);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(anatomyLabels);
        (Seed, Ct, Labels, AnatomyLabels, NoiseSigmaHu, LesionCount) = (seed, ct, labels, anatomyLabels, noiseSigmaHu, lesionCount);
    }

    /// <summary>The seed that produced this case.</summary>
    public int Seed { get; }

    /// <summary>CT attenuation in HU, [z][y][x], slice 0 the most inferior.</summary>
    public Volume<short> Ct { get; }

    /// <summary>Task ground truth: 0 background, 1 liver, 2 liver lesion (<see cref="PhantomLabels"/>).</summary>
    public Volume<byte> Labels { get; }

    /// <summary>Extended ground truth with spine, kidneys, spleen and aorta as well (<see cref="PhantomLabels"/>).</summary>
    public Volume<byte> AnatomyLabels { get; }

    /// <summary>Noise level used (HU).</summary>
    public double NoiseSigmaHu { get; }

    /// <summary>Number of lesions drawn (some may fall partly outside the scanned range).</summary>
    public int LesionCount { get; }

    /// <summary>Voxel volume in millilitres.</summary>
    public double VoxelVolumeMl => Ct.Geometry.Spacing.X * Ct.Geometry.Spacing.Y * Ct.Geometry.Spacing.Z / 1000.0;

    /// <summary>Number of voxels carrying <paramref name="label"/> in the task map.</summary>
    public long CountLabel(byte label)
    {
        long n = 0;
        foreach (var v in Labels.Span)
        {
            if (v == label)
            {
                n++;
            }
        }
        return n;
    }
}
