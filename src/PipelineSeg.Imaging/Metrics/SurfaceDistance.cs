using PipelineSeg.Imaging.Distance;

namespace PipelineSeg.Imaging.Metrics;

/// <summary>
/// Hausdorff distance, HD95 and ASSD between two masks, computed like medpy.metric.binary (hd, hd95, assd): surfaces are
/// foreground voxels with a 6-connected background neighbour, distances come from an exact anisotropic EDT. The EDT runs
/// only over the bounding box of both masks, which is exact because every surface voxel lies inside it.
/// </summary>
public static class SurfaceDistance
{
    /// <summary>Surface metrics of label (or of any non-zero voxel when label is null) between prediction and ground truth.</summary>
    public static SurfaceMetrics Compute(Volume<byte> prediction, Volume<byte> groundTruth, byte? label = null) =>
        Compute(prediction, groundTruth, label, inPlane: false);

    /// <summary>
    /// 2D surface metrics of every z slice (medpy on each slice: 4-connected in-plane surfaces, in-plane spacing);
    /// null for slices where both masks are empty, undefined distances where one is.
    /// </summary>
    public static SurfaceMetrics?[] ComputePerSlice(Volume<byte> prediction, Volume<byte> groundTruth, byte? label = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var result = new SurfaceMetrics?[prediction.Depth];
        var sliceSize = new VolumeSize(prediction.Width, prediction.Height, 1);
        for (var z = 0; z < prediction.Depth; z++)
        {
            var p = prediction.Slice(z);
            var g = groundTruth.Slice(z);
            var present = label is { } l ? p.Contains(l) || g.Contains(l) : p.ContainsAnyExcept((byte)0) || g.ContainsAnyExcept((byte)0);
            if (!present)
            {
                continue;
            }
            var ps = new Volume<byte>(sliceSize, groundTruth.Geometry, p.ToArray());
            var gs = new Volume<byte>(sliceSize, groundTruth.Geometry, g.ToArray());
            result[z] = Compute(ps, gs, label, inPlane: true);
        }
        return result;
    }

    private static SurfaceMetrics Compute(Volume<byte> prediction, Volume<byte> groundTruth, byte? label, bool inPlane)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (prediction.Size != groundTruth.Size)
        {
            throw new ArgumentException($"sizes differ: prediction {prediction.Size}, ground truth {groundTruth.Size}");
        }
        var size = prediction.Size;
        var boxP = LabelMask.BoundingBox(prediction.Array, size, label);
        var boxG = LabelMask.BoundingBox(groundTruth.Array, size, label);
        var box = Box3.Union(boxP, boxG);
        if (box.IsEmpty)
        {
            return SurfaceMetrics.Undefined(0, 0);
        }
        var bs = box.Size;
        var surfP = LabelMask.Surface(LabelMask.Crop(prediction.Array, size, label, box), bs, inPlane);
        var surfG = LabelMask.Surface(LabelMask.Crop(groundTruth.Array, size, label, box), bs, inPlane);
        var countP = Count(surfP);
        var countG = Count(surfG);
        if (countP == 0 || countG == 0)
        {
            return SurfaceMetrics.Undefined(countP, countG);
        }
        var spacing = groundTruth.Geometry.Spacing;
        var buffer = GC.AllocateUninitializedArray<float>(surfP.Length);
        var fromP = DirectedDistances(surfP, surfG, bs, spacing, buffer, countP);
        var fromG = DirectedDistances(surfG, surfP, bs, spacing, buffer, countG);
        return FromDistances(fromP, fromG);
    }

    /// <summary>HD, HD95 and ASSD from the two sets of directed surface distances (each non-empty).</summary>
    public static SurfaceMetrics FromDistances(double[] predictionToTruth, double[] truthToPrediction)
    {
        ArgumentNullException.ThrowIfNull(predictionToTruth);
        ArgumentNullException.ThrowIfNull(truthToPrediction);
        var pooled = new double[predictionToTruth.Length + truthToPrediction.Length];
        predictionToTruth.CopyTo(pooled, 0);
        truthToPrediction.CopyTo(pooled, predictionToTruth.Length);
        Array.Sort(pooled);
        var hd = pooled[^1];
        var hd95 = Percentile(pooled, 95);
        var assd = (predictionToTruth.Average() + truthToPrediction.Average()) / 2;
        return new SurfaceMetrics(hd, hd95, assd, predictionToTruth.Length, truthToPrediction.Length);
    }

    /// <summary>numpy.percentile with linear interpolation over sorted values.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }
        var h = (sorted.Length - 1) * percent / 100.0;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    // Distances from each `from` surface voxel to the nearest `to` surface voxel.
    private static double[] DirectedDistances(byte[] from, byte[] to, VolumeSize size, Vec3 spacing, float[] buffer, long count)
    {
        EuclideanDistanceTransform.SquaredDistanceToFeatures(to, size, spacing, buffer);
        var result = new double[count];
        var n = 0;
        for (var i = 0; i < from.Length; i++)
        {
            if (from[i] != 0)
            {
                result[n++] = Math.Sqrt(buffer[i]);
            }
        }
        return result;
    }

    private static long Count(byte[] mask)
    {
        long n = 0;
        foreach (var b in mask)
        {
            n += b;
        }
        return n;
    }
}
