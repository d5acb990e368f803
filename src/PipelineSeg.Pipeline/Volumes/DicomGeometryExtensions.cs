using PipelineSeg.Dicom;
using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>Converts the DICOM core's series geometry into Imaging's <see cref="VolumeGeometry"/> (both LPS, same axes).</summary>
public static class DicomGeometryExtensions
{
    /// <summary>Origin = first voxel of the first slice; direction columns = row, column and slice directions.</summary>
    public static VolumeGeometry ToVolumeGeometry(this DicomGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        static Vec3 V(DicomVector3 v) => new(v.X, v.Y, v.Z);
        return new VolumeGeometry(
            V(geometry.Origin),
            V(geometry.Spacing),
            Matrix3.FromColumns(V(geometry.RowDirection), V(geometry.ColumnDirection), V(geometry.SliceDirection)));
    }
}
