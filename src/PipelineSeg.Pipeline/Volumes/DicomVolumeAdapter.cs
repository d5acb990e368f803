using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Labels;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>
/// The one adapter between DICOM series and imaging volumes: geometry both ways (both LPS, same axes), a SEG's
/// segments onto a voxel grid, and a label map back into the per-segment masks a SEG is written from. Batch,
/// evaluate and convert go through it.
/// </summary>
public static class DicomVolumeAdapter
{
    /// <summary>Origin = first voxel of the first slice; direction columns = row, column and slice directions.</summary>
    public static VolumeGeometry ToVolumeGeometry(DicomGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        static Vec3 V(DicomVector3 v) => new(v.X, v.Y, v.Z);
        return new VolumeGeometry(
            V(geometry.Origin),
            V(geometry.Spacing),
            Matrix3.FromColumns(V(geometry.RowDirection), V(geometry.ColumnDirection), V(geometry.SliceDirection)));
    }

    /// <summary>The DICOM-core geometry of a volume's grid.</summary>
    public static DicomGeometry ToDicomGeometry<T>(Volume<T> volume) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(volume);
        var g = volume.Geometry;
        static DicomVector3 D(Vec3 v) => new(v.X, v.Y, v.Z);
        return new DicomGeometry(D(g.Origin), D(g.Spacing), D(g.Direction.Column(0)), D(g.Direction.Column(1)), D(g.Direction.Column(2)),
            volume.Width, volume.Height, volume.Depth);
    }

    /// <summary>The voxel grid size of a DICOM geometry (columns, rows, slices).</summary>
    public static VolumeSize SizeOf(DicomGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new VolumeSize(geometry.Columns, geometry.Rows, geometry.Slices);
    }

    /// <summary>
    /// Segment <paramref name="segmentNumber"/> of a SEG as a 0/1 mask on <paramref name="geometry"/> (frames placed by
    /// position, or by referenced instance in <paramref name="slices"/>); any non-zero frame value (FRACTIONAL) is inside.
    /// </summary>
    public static Volume<byte> SegmentMask(DicomSegmentation segmentation, int segmentNumber, DicomGeometry geometry, IReadOnlyList<DicomSlice>? slices = null)
    {
        ArgumentNullException.ThrowIfNull(segmentation);
        var values = segmentation.SegmentMask(segmentNumber, geometry, slices);
        LabelMasks.Split(values, LabelMasks.Foreground(), values);
        return new Volume<byte>(SizeOf(geometry), ToVolumeGeometry(geometry), values);
    }

    /// <summary>Every segment (numbers 1..255) of a SEG as a 0/1 mask on the grid; segments may overlap.</summary>
    public static IReadOnlyDictionary<int, Volume<byte>> SegmentMasks(DicomSegmentation segmentation, DicomGeometry geometry, IReadOnlyList<DicomSlice>? slices = null)
    {
        ArgumentNullException.ThrowIfNull(segmentation);
        return segmentation.Segments
            .Where(s => s.Number is > 0 and < 256)
            .ToDictionary(s => s.Number, s => SegmentMask(segmentation, s.Number, geometry, slices));
    }

    /// <summary>
    /// The mask of every non-background class of a label map (values = class indices), in class order. A class
    /// includes the voxels of the classes it declares in <see cref="SegmentClass.Contains"/> (liver ⊇ lesion), so SEG
    /// segments and their metrics follow the same convention as the ground truth.
    /// </summary>
    public static IReadOnlyList<(SegmentClass Class, Volume<byte> Mask)> ClassMasks(Volume<byte> labels, IReadOnlyList<SegmentClass> classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        return classes.Where(c => !c.IsBackground).OrderBy(c => c.Index)
            .Select(c => (c, LabelMasks.Of(labels, ValuesOf(c, classes))))
            .ToList();
    }

    /// <summary>The label values a class's segment covers: its own index and those of the classes it contains.</summary>
    public static IReadOnlyList<byte> ValuesOf(SegmentClass segmentClass, IReadOnlyList<SegmentClass> classes)
    {
        ArgumentNullException.ThrowIfNull(segmentClass);
        ArgumentNullException.ThrowIfNull(classes);
        var values = new List<byte> { (byte)segmentClass.Index };
        foreach (var inner in segmentClass.Contains)
        {
            var cls = classes.FirstOrDefault(c => string.Equals(c.Label, inner, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"class '{segmentClass.Label}' contains '{inner}', which the model does not produce");
            values.Add((byte)cls.Index);
        }
        return values;
    }
}
