using PipelineSeg.Dicom;
using PipelineSeg.Imaging;

namespace PipelineSeg.Pipeline.Volumes;

/// <summary>Loads DICOM image stacks as volumes: modality values as <c>Volume&lt;float&gt;</c>, mask series as 0/1 <c>Volume&lt;byte&gt;</c>.</summary>
public static class DicomVolumeLoader
{
    /// <summary>Loads a series' modality values (rescale applied) with its geometry; throws when the stack is not a volume.</summary>
    public static async Task<Volume<float>> LoadImageAsync(DicomSeries series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        var geometry = RequireVolume(series);
        var voxels = await DicomPixelLoader.LoadVolumeAsync(series, cancellationToken).ConfigureAwait(false);
        return new Volume<float>(new VolumeSize(series.Columns, series.Rows, series.Slices.Count), DicomVolumeAdapter.ToVolumeGeometry(geometry), voxels);
    }

    /// <summary>Loads a series of mask images (non-zero = foreground, like 3D-IRCADb's MASKS_DICOM) as 0/1 labels.</summary>
    public static async Task<Volume<byte>> LoadMaskAsync(DicomSeries series, byte foregroundLabel = 1, CancellationToken cancellationToken = default)
    {
        var image = await LoadImageAsync(series, cancellationToken).ConfigureAwait(false);
        var mask = image.CreateLike<byte>();
        var src = image.Span;
        var dst = mask.Span;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] != 0 ? foregroundLabel : (byte)0;
        }
        return mask;
    }

    /// <summary>A short, identifier-free description of a series for messages.</summary>
    public static string Describe(DicomSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var first = series.Slices.Count > 0 ? series.Slices[0].FilePath : "?";
        return $"{series.Modality} series {series.SeriesNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} " +
               $"({series.Columns}x{series.Rows}x{series.Slices.Count}, first file {first})";
    }

    private static DicomGeometry RequireVolume(DicomSeries series)
    {
        if (!series.IsVolume || series.Geometry is null)
        {
            var why = series.Problems.Count > 0 ? string.Join("; ", series.Problems) : "no geometry";
            throw new InvalidDataException($"{Describe(series)} is not a volume: {why}");
        }
        return series.Geometry;
    }
}
