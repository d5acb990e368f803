namespace PipelineSeg.Dicom.Tests.Pixels;

/// <summary>
/// The loader reads files in parallel; a damaged file must surface as the DICOM layer's own exception naming that
/// file, not as an <see cref="AggregateException"/> that callers do not expect (it aborted <c>convert</c>).
/// </summary>
public sealed class PixelLoaderFailureTests
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Truncated_files_fail_with_a_DicomException_naming_a_damaged_file(int damaged)
    {
        var dir = TestPaths.NewTempDirectory("loader-truncated");
        try
        {
            var source = TestPaths.Repo("samples", "dicom", "phantom-0003", "ct");
            var files = Directory.GetFiles(source).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }
            var victims = Directory.GetFiles(dir).Order(StringComparer.Ordinal).Where((_, i) => i % 7 == 3).Take(damaged).ToList();
            foreach (var victim in victims)
            {
                var bytes = await File.ReadAllBytesAsync(victim);
                await File.WriteAllBytesAsync(victim, bytes[..(bytes.Length - 1000)]);
            }
            var series = Assert.Single((await DicomSeriesScanner.ScanAsync(dir)).Series);

            var sync = Assert.ThrowsAny<DicomException>(() => DicomPixelLoader.LoadVolume(series));
            var async = await Assert.ThrowsAnyAsync<DicomException>(() => DicomPixelLoader.LoadVolumeAsync(series));

            Assert.Contains(sync.FilePath, victims);
            Assert.Contains(async.FilePath, victims);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
