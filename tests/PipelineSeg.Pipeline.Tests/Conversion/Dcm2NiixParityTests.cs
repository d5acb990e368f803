using PipelineSeg.Pipeline.Conversion;

namespace PipelineSeg.Pipeline.Tests.Conversion;

/// <summary>convert must give the voxels and affine dcm2niix gives for the same series (compared with nibabel).</summary>
public sealed class Dcm2NiixParityTests
{
    private const string CompareScript = """
        import sys, glob, nibabel as nib, numpy as np
        ref_files = [f for f in glob.glob(sys.argv[1] + '/*.nii*') if '_Eq_' not in f]
        if len(ref_files) != 1:
            print('dcm2niix wrote %d files: %s' % (len(ref_files), ref_files)); sys.exit(3)
        ref = nib.load(ref_files[0]); ours = nib.load(sys.argv[2])
        a = np.squeeze(ref.get_fdata()); b = np.squeeze(ours.get_fdata())
        if a.shape != b.shape:
            print('shape dcm2niix %s ours %s' % (a.shape, b.shape)); sys.exit(4)
        print('affine_diff', float(np.abs(ref.affine - ours.affine).max()))
        print('voxel_diff', float(np.abs(a - b).max()))
        """;

    [SkippableTheory]
    [InlineData("ct-series/pydicom-98892001-CT5N")]
    [InlineData("ct-series/dcmqi-ct-3slice")]
    [InlineData("mr-series/dcmqi-QIN-PROSTATE-ADC")]
    [InlineData("ct-series/dcmqi-23x38x3/multiframe/mf.dcm")]
    [InlineData("ct-series/enhanced/eCT_Supplemental.dcm")]
    [InlineData("transfer-syntaxes/pydicom-MR_small/MR_small.dcm")]
    [InlineData("transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm")]
    [InlineData("transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm")]
    [InlineData("transfer-syntaxes/cornerstone-CTImage/CTImage.dcm_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm")]
    // Not listed: mr-series/enhanced/emri_small.dcm and mr_brucker.dcm carry no ImagePositionPatient/ImageOrientationPatient,
    // so dcm2niix invents a centred affine ("Bogus spatial matrix"); there is no geometry to compare.
    public async Task Voxels_and_affine_equal_dcm2niix(string sample)
    {
        var source = Path.Combine(TestPaths.DicomSamples, sample);
        var dir = TestPaths.NewTempDirectory("convert-parity");
        try
        {
            var refDir = Path.Combine(dir, "dcm2niix");
            Directory.CreateDirectory(refDir);
            var input = source;
            if (File.Exists(source))
            {
                // dcm2niix converts folders: give it a folder holding only this file
                input = Path.Combine(dir, "in");
                Directory.CreateDirectory(input);
                File.Copy(source, Path.Combine(input, Path.GetFileName(source)));
            }
            var d2n = ExternalTool.Run("dcm2niix", ["-z", "y", "-b", "n", "-o", refDir, input]);
            Assert.True(d2n.ExitCode == 0, d2n.Combined);

            var ours = Path.Combine(dir, "ours.nii.gz");
            var outcomes = await DicomToNiftiConverter.ConvertAsync(source, ours);
            Assert.True(outcomes.Count == 1 && outcomes[0].Succeeded, string.Join("; ", outcomes.Select(o => $"{o.Series}: {o.Error}")));

            var lines = ExternalTool.RunPython(CompareScript, refDir, ours).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var affineDiff = double.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var voxelDiff = double.Parse(lines[1].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(affineDiff < 1e-3, $"{sample}: affine differs from dcm2niix by {affineDiff} mm");
            Assert.True(voxelDiff == 0, $"{sample}: voxels differ from dcm2niix by up to {voxelDiff}");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public async Task Several_series_give_one_file_each()
    {
        var dir = TestPaths.NewTempDirectory("convert-multi");
        try
        {
            // the folder holds the 3 single-frame images and, in a subfolder, the same series as one multi-frame file
            var outcomes = await DicomToNiftiConverter.ConvertAsync(Path.Combine(TestPaths.DicomSamples, "ct-series", "dcmqi-23x38x3"), Path.Combine(dir, "out.nii.gz"));
            Assert.Equal(2, outcomes.Count);
            Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error));
            Assert.Equal(2, outcomes.Select(o => o.OutputPath).Distinct().Count());
            Assert.All(outcomes, o => Assert.True(File.Exists(o.OutputPath)));
            var a = PipelineSeg.Imaging.Nifti.NiftiFile.Read(outcomes[0].OutputPath!).ToVolume<float>();
            var b = PipelineSeg.Imaging.Nifti.NiftiFile.Read(outcomes[1].OutputPath!).ToVolume<float>();
            Assert.True(a.Span.SequenceEqual(b.Span), "the single-frame and multi-frame copies of one series must convert to the same voxels");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
