namespace PipelineSeg.Dicom.Seg;

/// <summary>Functional groups, dimensions and source references of a SEG.</summary>
internal static class SegmentationFrameBuilder
{
    private static readonly CodedConcept SegmentationDerivation = new("113076", "DCM", "Segmentation");
    private static readonly CodedConcept SourceImagePurpose = new("121322", "DCM", "Source image for image processing operation");

    /// <summary>
    /// Shared and per-frame groups and the dimensions: segment number, then position; a LABELMAP (one frame per slice,
    /// values = segment numbers) has no Segment Identification and position as its only dimension.
    /// </summary>
    public static void AddFunctionalGroups(DicomDataset ds, DicomSeries series, List<(int Segment, int Slice)> frames, bool labelMap)
    {
        var g = series.Geometry!;
        var shared = new DicomDataset();
        var orientation = new DicomDataset();
        orientation.SetDecimalString(DicomTags.ImageOrientationPatient, g.RowDirection.X, g.RowDirection.Y, g.RowDirection.Z,
            g.ColumnDirection.X, g.ColumnDirection.Y, g.ColumnDirection.Z);
        shared.SetSequence(DicomTags.PlaneOrientationSequence, orientation);
        var measures = new DicomDataset();
        measures.SetDecimalString(DicomTags.PixelSpacing, g.Spacing.Y, g.Spacing.X);
        measures.SetDecimalString(DicomTags.SliceThickness, g.Spacing.Z);
        measures.SetDecimalString(DicomTags.SpacingBetweenSlices, g.Spacing.Z);
        shared.SetSequence(DicomTags.PixelMeasuresSequence, measures);
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, shared);

        var perFrame = new DicomDataset[frames.Count];
        for (var f = 0; f < frames.Count; f++)
        {
            var (segment, z) = frames[f];
            var slice = series.Slices[z];
            var item = new DicomDataset();
            var content = new DicomDataset();
            if (labelMap)
            {
                content.SetUInt32(DicomTags.DimensionIndexValues, (uint)(z + 1));
            }
            else
            {
                content.SetUInt32(DicomTags.DimensionIndexValues, (uint)(segment + 1), (uint)(z + 1));
            }
            item.SetSequence(DicomTags.FrameContentSequence, content);
            var position = new DicomDataset();
            var p = slice.Position ?? g.SlicePosition(z);
            position.SetDecimalString(DicomTags.ImagePositionPatient, p.X, p.Y, p.Z);
            item.SetSequence(DicomTags.PlanePositionSequence, position);
            item.SetSequence(DicomTags.DerivationImageSequence, DerivationItem(slice));
            if (!labelMap)
            {
                var identification = new DicomDataset();
                identification.SetUInt16(DicomTags.ReferencedSegmentNumber, (ushort)(segment + 1));
                item.SetSequence(DicomTags.SegmentIdentificationSequence, identification);
            }
            perFrame[f] = item;
        }
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, perFrame);

        var organization = DicomUid.Generate();
        var org = new DicomDataset();
        org.SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization);
        ds.SetSequence(DicomTags.DimensionOrganizationSequence, org);
        var positionDimension = DimensionItem(organization, DicomTags.ImagePositionPatient, DicomTags.PlanePositionSequence, "Image Position Patient");
        if (labelMap)
        {
            ds.SetSequence(DicomTags.DimensionIndexSequence, positionDimension);
        }
        else
        {
            ds.SetSequence(DicomTags.DimensionIndexSequence,
                DimensionItem(organization, DicomTags.ReferencedSegmentNumber, DicomTags.SegmentIdentificationSequence, "Segment Number"), positionDimension);
        }
        ds.SetString(DicomTags.DimensionOrganizationType, DicomVR.CS, "3D");
    }

    /// <summary>Referenced Series (Common Instance Reference) listing exactly the instances the frames derive from.</summary>
    public static void AddReferences(DicomDataset ds, DicomSeries series, List<(int Segment, int Slice)> frames)
    {
        var referenced = frames.Select(f => series.Slices[f.Slice])
            .GroupBy(s => s.SopInstanceUid, StringComparer.Ordinal).Select(grp => grp.First()).ToList();
        var instances = referenced.Select(s =>
        {
            var item = new DicomDataset();
            item.SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, s.SopClassUid);
            item.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, s.SopInstanceUid);
            return item;
        }).ToArray();
        var seriesItem = new DicomDataset();
        seriesItem.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, series.SeriesInstanceUid);
        seriesItem.SetSequence(DicomTags.ReferencedInstanceSequence, instances);
        ds.SetSequence(DicomTags.ReferencedSeriesSequence, seriesItem);
    }

    private static DicomDataset DerivationItem(DicomSlice slice)
    {
        var sourceImage = new DicomDataset();
        sourceImage.SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, slice.SopClassUid);
        sourceImage.SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, slice.SopInstanceUid);
        if (slice.IsFrameOfMultiFrame)
        {
            sourceImage.SetIntegerString(DicomTags.ReferencedFrameNumber, slice.FrameIndex + 1);
        }
        SourceImagePurpose.SetAsSequence(sourceImage, DicomTags.PurposeOfReferenceCodeSequence);
        var derivation = new DicomDataset();
        SegmentationDerivation.SetAsSequence(derivation, DicomTags.DerivationCodeSequence);
        derivation.SetSequence(DicomTags.SourceImageSequence, sourceImage);
        return derivation;
    }

    private static DicomDataset DimensionItem(string organization, DicomTag pointer, DicomTag group, string label)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization);
        item.SetTags(DicomTags.DimensionIndexPointer, pointer);
        item.SetTags(DicomTags.FunctionalGroupPointer, group);
        item.SetString(DicomTags.DimensionDescriptionLabel, DicomVR.LO, label);
        return item;
    }
}
