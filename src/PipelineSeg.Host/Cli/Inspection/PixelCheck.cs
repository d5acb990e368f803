using PipelineSeg.Dicom;

namespace PipelineSeg.Host.Cli.Inspection;

/// <summary><c>inspect --deep</c>: decodes every frame of an image series, file by file, and names each file that fails.</summary>
internal static class PixelCheck
{
    /// <summary>The files of <paramref name="series"/> whose pixel data cannot be decoded, with the reason.</summary>
    public static IReadOnlyList<DicomSkippedFile> Check(DicomSeries series, CancellationToken cancellationToken)
    {
        var broken = new List<DicomSkippedFile>();
        foreach (var file in series.Slices.GroupBy(s => s.FilePath, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var dicom = DicomFile.Open(file.Key, DicomReadOptions.Full);
                var pixels = DicomPixelData.Create(dicom);
                // A colour image decodes into R, G, B planes through the colour loader (the grey one refuses it).
                var colour = pixels.Info.SamplesPerPixel == 3;
                var plane = new float[(colour ? 3 : 1) * pixels.Info.Rows * pixels.Info.Columns];
                foreach (var slice in file)
                {
                    if (colour)
                    {
                        DicomColourLoader.LoadFrame(pixels, slice.FrameIndex, plane);
                    }
                    else
                    {
                        DicomPixelLoader.LoadFrame(pixels, slice.FrameIndex, plane);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // Corrupt pixel data can trip a codec in many ways; each is this file's problem, reported with its message.
                broken.Add(new DicomSkippedFile(file.Key, e is DicomException ? e.Message : $"{file.Key}: cannot decode pixel data: {e.Message}", true));
            }
        }
        return broken;
    }
}
