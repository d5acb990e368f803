using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Conversion;
using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Pipeline.Outputs.Nifti;

/// <summary>
/// Output <c>nifti</c>: the label map (values = class indices of the manifest) as <c>labels.nii.gz</c> on the source grid,
/// laid out as dcm2niix and <c>pipelineseg convert</c> write the CT (rows flipped, same world positions), so it overlays the
/// converted CT voxel for voxel. The file is read back and must hold the same labels at the same positions.
/// </summary>
public sealed class NiftiResultWriter : ISeriesResultWriter
{
    /// <summary>File name in the result folder.</summary>
    public const string FileName = "labels.nii.gz";

    /// <inheritdoc/>
    public string Name => OutputNames.Nifti;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> WriteAsync(SeriesResultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(context.Folder, FileName);
        var flipped = NiftiExport.FlipRows(context.Labels);
        var description = $"PipelineSeg {context.Model.Id} {context.Model.Version}";
        await NiftiFile.WriteAsync(path, flipped, new NiftiWriteOptions { Description = description[..Math.Min(description.Length, 79)] },
            cancellationToken).ConfigureAwait(false);
        var back = (await NiftiFile.ReadAsync(path, cancellationToken).ConfigureAwait(false)).ToLabels(FileName);
        if (!back.Span.SequenceEqual(flipped.Span) || !SameCorners(back.Geometry, flipped.Geometry, flipped.Size))
        {
            throw new InvalidDataException($"{FileName} does not read back as the label map that was written");
        }
        return [FileName];
    }

    /// <summary>First and last voxel at the same place within 0.01 mm (the header stores float32).</summary>
    private static bool SameCorners(VolumeGeometry read, VolumeGeometry written, VolumeSize size)
    {
        foreach (var (x, y, z) in new[] { (0, 0, 0), (size.X - 1, size.Y - 1, size.Z - 1) })
        {
            var a = read.IndexToWorld(x, y, z);
            var b = written.IndexToWorld(x, y, z);
            if (Math.Abs(a.X - b.X) > 0.01 || Math.Abs(a.Y - b.Y) > 0.01 || Math.Abs(a.Z - b.Z) > 0.01)
            {
                return false;
            }
        }
        return true;
    }
}
