namespace PipelineSeg.Dicom;

/// <summary>Geometry of one frame, from the top-level attributes or the functional groups of a multi-frame file.</summary>
/// <param name="Position">ImagePositionPatient.</param>
/// <param name="RowDirection">First triplet of ImageOrientationPatient.</param>
/// <param name="ColumnDirection">Second triplet of ImageOrientationPatient.</param>
/// <param name="RowSpacing">PixelSpacing[0]: distance between rows (mm).</param>
/// <param name="ColumnSpacing">PixelSpacing[1]: distance between columns (mm).</param>
/// <param name="SliceThickness">Slice Thickness, when present.</param>
/// <param name="SpacingBetweenSlices">Spacing Between Slices, when present.</param>
public sealed record DicomFrameGeometry(DicomVector3? Position, DicomVector3? RowDirection, DicomVector3? ColumnDirection,
    double? RowSpacing, double? ColumnSpacing, double? SliceThickness, double? SpacingBetweenSlices)
{
    /// <summary>
    /// Reads the geometry of frame <paramref name="frameIndex"/>: per-frame functional groups first, then shared ones,
    /// then the top-level attributes of single-frame images.
    /// </summary>
    public static DicomFrameGeometry Read(DicomDataset dataset, int frameIndex)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var perFrame = dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var frame = frameIndex < perFrame.Count ? perFrame[frameIndex] : null;
        var shared = dataset.GetFirstItem(DicomTags.SharedFunctionalGroupsSequence);

        var position = FromGroup(frame, shared, DicomTags.PlanePositionSequence, DicomTags.ImagePositionPatient, 0)
                       ?? DicomVector3.FromAttribute(dataset, DicomTags.ImagePositionPatient);
        var row = FromGroup(frame, shared, DicomTags.PlaneOrientationSequence, DicomTags.ImageOrientationPatient, 0)
                  ?? DicomVector3.FromAttribute(dataset, DicomTags.ImageOrientationPatient);
        var col = FromGroup(frame, shared, DicomTags.PlaneOrientationSequence, DicomTags.ImageOrientationPatient, 3)
                  ?? DicomVector3.FromAttribute(dataset, DicomTags.ImageOrientationPatient, 3);
        var measures = Item(frame, DicomTags.PixelMeasuresSequence) ?? Item(shared, DicomTags.PixelMeasuresSequence);
        var source = measures is not null && measures.Contains(DicomTags.PixelSpacing) ? measures : dataset;
        double? rowSpacing = source.TryGetDouble(DicomTags.PixelSpacing, out var rs) ? rs : null;
        double? colSpacing = source.TryGetDouble(DicomTags.PixelSpacing, out var cs, 1) ? cs : null;
        var thicknessSource = measures is not null && measures.Contains(DicomTags.SliceThickness) ? measures : dataset;
        double? thickness = thicknessSource.TryGetDouble(DicomTags.SliceThickness, out var t) ? t : null;
        var spacingSource = measures is not null && measures.Contains(DicomTags.SpacingBetweenSlices) ? measures : dataset;
        double? between = spacingSource.TryGetDouble(DicomTags.SpacingBetweenSlices, out var sb) ? sb : null;
        return new DicomFrameGeometry(position, row, col, rowSpacing, colSpacing, thickness, between);
    }

    private static DicomDataset? Item(DicomDataset? group, DicomTag sequence) => group?.GetFirstItem(sequence);

    private static DicomVector3? FromGroup(DicomDataset? frame, DicomDataset? shared, DicomTag sequence, DicomTag attribute, int offset)
    {
        var item = Item(frame, sequence) ?? Item(shared, sequence);
        return item is null ? null : DicomVector3.FromAttribute(item, attribute, offset);
    }
}
