namespace PipelineSeg.Comparison.Datasets;

/// <summary>
/// A labelled dataset as dataset.json describes it: format, splits, how stored values map to HU, pixel spacing of 2-D
/// arrays and which mask values are the ground truth. Relative paths are resolved against <see cref="Root"/>.
/// </summary>
public sealed class DatasetDescription
{
    /// <summary>Storage format.</summary>
    public DatasetFormat Format { get; init; }

    /// <summary>Splits by name (e.g. <c>test</c>, <c>val</c>); <c>compare --split</c> picks one.</summary>
    public Dictionary<string, SplitSource> Splits { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How stored image values map to HU.</summary>
    public StoredIntensity Intensity { get; init; } = new();

    /// <summary>In-plane pixel spacing [x, y] in mm of 2-D arrays (npy, HDF5); default 1 × 1. Volumes carry their own.</summary>
    public IReadOnlyList<double>? PixelSpacingMm { get; init; }

    /// <summary>A mask voxel is ground truth when its value is ≥ this (fractional masks from resizing); default 0.5.</summary>
    public double MaskThreshold { get; init; } = 0.5;

    /// <summary>Instead of <see cref="MaskThreshold"/>: the mask values (labels) that are ground truth, e.g. [1, 2] for liver ∪ tumour.</summary>
    public IReadOnlyList<int>? MaskLabels { get; init; }

    /// <summary>The model segment compared (label, case-insensitive, with the segments it contains); default the first foreground class.</summary>
    public string? Segment { get; init; }

    /// <summary>Folder relative paths are resolved against (dataset.json's folder).</summary>
    public string Root { get; set; } = string.Empty;

    /// <summary>Where the description came from, for messages.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Problems that make the description unusable, each naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Intensity.Validate());
        if (Splits.Count == 0)
        {
            errors.Add("splits is empty: name at least one split, e.g. \"test\": { \"images\": …, \"masks\": … }");
        }
        foreach (var (name, split) in Splits)
        {
            if (string.IsNullOrWhiteSpace(split.Images))
            {
                errors.Add($"splits.{name}.images is required");
            }
            if (string.IsNullOrWhiteSpace(split.Masks) && Format != DatasetFormat.Dicom)
            {
                errors.Add($"splits.{name}.masks is required for {Format.ToString().ToLowerInvariant()}");
            }
            if (Format == DatasetFormat.Hdf5 && string.IsNullOrWhiteSpace(split.File))
            {
                errors.Add($"splits.{name}.file (the .h5 file) is required for hdf5");
            }
        }
        if (PixelSpacingMm is { } spacing && (spacing.Count != 2 || spacing.Any(s => !(s > 0) || !double.IsFinite(s))))
        {
            errors.Add($"pixelSpacingMm must be two positive numbers [x, y], got [{string.Join(", ", spacing)}]");
        }
        if (!(MaskThreshold > 0) || !double.IsFinite(MaskThreshold))
        {
            errors.Add($"maskThreshold must be positive, got {MaskThreshold}");
        }
        if (MaskLabels is { Count: 0 })
        {
            errors.Add("maskLabels is empty: leave it out to use maskThreshold");
        }
        return errors;
    }

    /// <summary>A path of the description resolved against <see cref="Root"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));
}
