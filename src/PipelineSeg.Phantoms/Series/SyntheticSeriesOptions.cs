using PipelineSeg.Imaging;

namespace PipelineSeg.Phantoms.Series;

/// <summary>What <see cref="SyntheticCtSeriesWriter"/> writes: size, geometry, identity and file naming.</summary>
public sealed record SyntheticSeriesOptions
{
    /// <summary>Columns (x), rows (y) and slices (z).</summary>
    public required VolumeSize Size { get; init; }

    /// <summary>Patient, study and series identifiers.</summary>
    public required SyntheticSeriesIdentity Identity { get; init; }

    /// <summary>Origin (first pixel of slice 0), spacing and direction in LPS mm.</summary>
    public VolumeGeometry Geometry { get; init; } = VolumeGeometry.Default;

    /// <summary>
    /// Image Position (Patient) of each slice instead of the regular grid of <see cref="Geometry"/>: for series a scanner
    /// writes unevenly (gantry tilt, gaps, repeated positions).
    /// </summary>
    public Func<int, Vec3>? SlicePosition { get; init; }

    /// <summary>Acquisition Number of every slice.</summary>
    public int AcquisitionNumber { get; init; } = 1;

    /// <summary>File names are this prefix, the 1-based slice number as four digits and ".dcm".</summary>
    public string FileNamePrefix { get; init; } = "CT";

    /// <summary>How many slices are encoded and written at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Throws when a value cannot give a valid series.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Identity);
        ArgumentNullException.ThrowIfNull(Geometry);
        ArgumentOutOfRangeException.ThrowIfLessThan(Size.X, 1, "Size.X");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Size.X, ushort.MaxValue, "Size.X");
        ArgumentOutOfRangeException.ThrowIfLessThan(Size.Y, 1, "Size.Y");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Size.Y, ushort.MaxValue, "Size.Y");
        ArgumentOutOfRangeException.ThrowIfLessThan(Size.Z, 1, "Size.Z");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Size.Z, 9999, "Size.Z"); // four-digit file numbers
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        if (FileNamePrefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{FileNamePrefix}' cannot start a file name", nameof(FileNamePrefix));
        }
        var s = Geometry.Spacing;
        if (!(s.X > 0 && s.Y > 0 && s.Z > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Geometry), s, "spacing must be positive");
        }
    }
}
