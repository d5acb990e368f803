using System.Globalization;
using PipelineSeg.Phantoms.Generation;
using PipelineSeg.Phantoms.Series;

namespace PipelineSeg.Phantoms.Export;

/// <summary>
/// A phantom's CT as a DICOM series: its voxels and geometry through <see cref="SyntheticCtSeriesWriter"/>, with UIDs
/// named after the seed, so the same seed always gives the same files (samples/dicom relies on it).
/// </summary>
public static class PhantomCtSeries
{
    /// <summary>The identifiers shared by the CT series and its ground-truth SEG.</summary>
    public static SyntheticSeriesIdentity IdentityOf(int seed) => SyntheticSeriesIdentity.Named($"phantom/{seed.ToString(CultureInfo.InvariantCulture)}") with
    {
        PatientName = $"PHANTOM^{seed.ToString(CultureInfo.InvariantCulture)}",
        PatientId = $"PHANTOM-{seed.ToString("D4", CultureInfo.InvariantCulture)}",
        StudyId = seed.ToString(CultureInfo.InvariantCulture),
        SeriesDescription = "Synthetic abdomen phantom",
    };

    /// <summary>Writes one file per slice (CT0001.dcm, …) into <paramref name="directory"/>; returns the paths in slice order.</summary>
    public static IReadOnlyList<string> Write(PhantomCase phantom, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        var options = new SyntheticSeriesOptions
        {
            Size = phantom.Ct.Size,
            Geometry = phantom.Ct.Geometry,
            Identity = IdentityOf(phantom.Seed),
        };
        return SyntheticCtSeriesWriter.Write(options, new VolumeSlices(phantom.Ct), directory, cancellationToken);
    }
}
