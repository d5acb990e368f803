using System.IO.Compression;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Pipeline.Tests.Evaluation;

/// <summary>
/// Real masks: 3D-IRCADb 1.1 liver (DICOM mask series, extracted at run time, never committed) against a NIfTI prediction
/// that Python writes in dcm2niix's orientation (liver shifted by a few voxels), with reference metrics from scipy.
/// </summary>
public sealed class IrcadMaskEvaluationTests
{
    private const string Script = """
        import sys, glob, json, os
        import numpy as np, pydicom, nibabel as nib
        from scipy import ndimage
        folder, out = sys.argv[1], sys.argv[2]
        ds = [pydicom.dcmread(f) for f in glob.glob(folder + '/image_*')]
        iop = np.array(ds[0].ImageOrientationPatient, float); row, col = iop[:3], iop[3:]; n = np.cross(row, col)
        ds.sort(key=lambda d: float(np.dot(n, np.array(d.ImagePositionPatient, float))))
        vol = np.stack([d.pixel_array != 0 for d in ds]).transpose(2, 1, 0)  # x, y, z
        ps = [float(v) for v in ds[0].PixelSpacing]
        p0 = np.array(ds[0].ImagePositionPatient, float); p1 = np.array(ds[1].ImagePositionPatient, float)
        dz = float(np.dot(n, p1 - p0)); spacing = (ps[1], ps[0], dz)
        pred = np.roll(vol, (3, -2, 1), axis=(0, 1, 2))
        pred[:, :, 0] = False
        # dcm2niix layout: rows flipped, affine in RAS
        ny = vol.shape[1]
        lps = np.eye(4); lps[:3, 0] = row * spacing[0]; lps[:3, 1] = -col * spacing[1]; lps[:3, 2] = n * dz
        lps[:3, 3] = p0 + col * spacing[1] * (ny - 1)
        ras = np.diag([-1, -1, 1, 1]) @ lps
        nib.save(nib.Nifti1Image(pred[:, ::-1, :].astype(np.uint8), ras), out)
        fp = ndimage.generate_binary_structure(3, 1)
        # crop to the bounding box of both masks plus one voxel: exact (every surface voxel is inside) and much faster
        box = tuple(slice(max(s.start - 1, 0), s.stop + 1) for s in ndimage.find_objects((pred | vol).astype(np.uint8))[0])
        pred_c, vol_c = pred[box], vol[box]
        def sd(a, b):
            ab = a ^ ndimage.binary_erosion(a, fp); bb = b ^ ndimage.binary_erosion(b, fp)
            return ndimage.distance_transform_edt(~bb, sampling=spacing)[ab]
        a, b = sd(pred_c, vol_c), sd(vol_c, pred_c)
        tp = int((pred & vol).sum())
        print(json.dumps({'dice': 2 * tp / int(pred.sum() + vol.sum()), 'iou': tp / int((pred | vol).sum()),
                          'hd': float(max(a.max(), b.max())), 'hd95': float(np.percentile(np.hstack((a, b)), 95)),
                          'assd': float((a.mean() + b.mean()) / 2), 'voxels': int(vol.sum())}))
        """;

    [SkippableFact]
    public async Task Liver_mask_series_against_shifted_nifti_matches_scipy()
    {
        var zip = Path.Combine(TestPaths.Datasets, "3dircadb1_liver_ct", "3Dircadb1.1", "MASKS_DICOM.zip");
        var dir = TestPaths.NewTempDirectory("ircad-eval");
        try
        {
            using (var archive = ZipFile.OpenRead(zip))
            {
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("MASKS_DICOM/liver/", StringComparison.Ordinal) && e.Name.Length > 0))
                {
                    var target = Path.Combine(dir, "liver", entry.Name);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }
            var prediction = Path.Combine(dir, "pred.nii.gz");
            var reference = System.Text.Json.JsonDocument.Parse(ExternalTool.RunPython(Script, Path.Combine(dir, "liver"), prediction)).RootElement;

            var result = await LabelEvaluator.EvaluateAsync(new LabelEvaluationRequest(prediction, Path.Combine(dir, "liver")));
            Assert.Equal(GridRelation.Reoriented, result.Alignment);
            var liver = Assert.Single(result.Report.Segments);
            Assert.Equal(reference.GetProperty("voxels").GetInt64(), liver.GroundTruthVoxels);
            Assert.Equal(reference.GetProperty("dice").GetDouble(), liver.Dice, 1e-6);
            Assert.Equal(reference.GetProperty("iou").GetDouble(), liver.IoU, 1e-6);
            Assert.Equal(reference.GetProperty("hd").GetDouble(), liver.Hausdorff!.Value, 1e-3);
            Assert.Equal(reference.GetProperty("hd95").GetDouble(), liver.Hausdorff95!.Value, 1e-3);
            Assert.Equal(reference.GetProperty("assd").GetDouble(), liver.AverageSymmetricSurfaceDistance!.Value, 1e-3);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
