namespace PipelineSeg.EndToEnd.Tests.ConvertAndEvaluate;

public sealed class ConvertCommandTests
{
    [SkippableFact]
    public void Converts_a_ct_series_folder_to_nifti_that_nibabel_reads()
    {
        var dir = TestPaths.NewTempDirectory("e2e-convert");
        try
        {
            var output = Path.Combine(dir, "ct.nii.gz");
            var r = Cli.Run("convert", "--input", Path.Combine(TestPaths.DicomSamples, "ct-series", "pydicom-98892001-CT5N"), "--output", output);
            Assert.True(r.ExitCode == 0, r.Combined);
            Assert.Contains("ct.nii.gz", r.StandardOutput, StringComparison.Ordinal);
            var shape = ExternalTool.RunPython("import sys, nibabel as nib; print(nib.load(sys.argv[1]).shape)", output).Trim();
            Assert.Equal("(16, 16, 5)", shape);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public void Missing_input_or_bad_output_name_is_a_usage_error()
    {
        var missing = Cli.Run("convert", "--input", "/nonexistent/folder", "--output", "/tmp/x.nii.gz");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("/nonexistent/folder", missing.StandardError, StringComparison.Ordinal);
        var badName = Cli.Run("convert", "--input", TestPaths.DicomSamples, "--output", "/tmp/x.txt");
        Assert.Equal(2, badName.ExitCode);
        var noArgs = Cli.Run("convert");
        Assert.Equal(2, noArgs.ExitCode);
    }

    [SkippableFact]
    public void Folder_without_dicom_images_fails_with_exit_code_1()
    {
        var dir = TestPaths.NewTempDirectory("e2e-convert-empty");
        try
        {
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not DICOM");
            var r = Cli.Run("convert", "--input", dir, "--output", Path.Combine(dir, "out.nii.gz"));
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("no DICOM image series", r.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
