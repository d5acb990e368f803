namespace PipelineSeg.Dicom.Tests.Support;

/// <summary>Paths into ../shared/dicom-samples.</summary>
internal static class Samples
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([TestPaths.DicomSamples, .. parts]);

    public static async Task<DicomSeries> SingleVolumeAsync(params string[] folder)
    {
        var scan = await DicomSeriesScanner.ScanAsync(Path(folder));
        return Assert.Single(scan.Volumes);
    }
}
