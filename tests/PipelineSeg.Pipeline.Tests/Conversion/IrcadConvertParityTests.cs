using System.IO.Compression;
using PipelineSeg.Pipeline.Conversion;

namespace PipelineSeg.Pipeline.Tests.Conversion;

/// <summary>The real 3D-IRCADb 1.1 CT (129 slices of 512×512, extracted at run time, never committed) converts like dcm2niix.</summary>
public sealed class IrcadConvertParityTests
{
    [SkippableFact]
    public async Task Ircad_ct_series_voxels_and_affine_equal_dcm2niix()
    {
        var zip = Path.Combine(TestPaths.Datasets, "3dircadb1_liver_ct", "3Dircadb1.1", "PATIENT_DICOM.zip");
        var dir = TestPaths.NewTempDirectory("ircad-convert");
        try
        {
            ZipFile.ExtractToDirectory(zip, dir);
            var series = Path.Combine(dir, "PATIENT_DICOM");
            var refDir = Path.Combine(dir, "dcm2niix");
            Directory.CreateDirectory(refDir);
            var d2n = ExternalTool.Run("dcm2niix", ["-z", "n", "-b", "n", "-o", refDir, series]);
            Assert.True(d2n.ExitCode == 0, d2n.Combined);
            var ours = Path.Combine(dir, "ours.nii");
            var outcomes = await DicomToNiftiConverter.ConvertAsync(series, ours);
            Assert.True(outcomes.Count == 1 && outcomes[0].Succeeded, string.Join("; ", outcomes.Select(o => o.Error)));
            var script = """
                import sys, glob, nibabel as nib, numpy as np
                ref = nib.load(glob.glob(sys.argv[1] + '/*.nii')[0]); ours = nib.load(sys.argv[2])
                print(ref.shape == ours.shape, float(np.abs(ref.affine - ours.affine).max()),
                      float(np.abs(np.asarray(ref.dataobj, dtype=np.float64) * 1.0 - ours.get_fdata()).max()) if ref.shape == ours.shape else -1)
                """;
            var parts = ExternalTool.RunPython(script, refDir, ours).Trim().Split(' ');
            Assert.Equal("True", parts[0]);
            Assert.True(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) < 1e-3, $"affine differs by {parts[1]}");
            Assert.Equal("0.0", parts[2]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
