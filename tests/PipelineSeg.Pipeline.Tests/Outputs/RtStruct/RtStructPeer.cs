using System.Text.Json;
using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Rt;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Pipeline.Conversion;
using PipelineSeg.Pipeline.Outputs.RtStruct;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Outputs.RtStruct;

/// <summary>
/// Writes a label map as RTSTRUCT (with our read-back check), then lets the peers judge it: dciodvfy (errors), pydicom
/// (structure) and plastimatch (rasterisation, per-ROI Dice against the label map) via tools/rtstruct/plastimatch_dice.py.
/// </summary>
internal static class RtStructPeer
{
    public static readonly RtStructureSetWriterOptions Options = new()
    {
        Algorithm = new SegmentationAlgorithm("Threshold test model", "0.0.1"),
        SeriesDescription = "Threshold test model 0.0.1 RTSTRUCT",
    };

    /// <summary>The result of the peers on one structure set.</summary>
    public sealed record Verdict(IReadOnlyList<string> DciodvfyErrors, JsonElement Rois, JsonElement Pydicom);

    /// <summary>Writes and judges; <paramref name="rois"/> maps each ROI name to the label values it is made of.</summary>
    public static async Task<Verdict> JudgeAsync(DicomSeries series, string ctFolder, Volume<byte> labels, ModelManifest model, string dir,
        params string[] rois)
    {
        var path = Path.Combine(dir, "rtstruct.dcm");
        RtStructOutput.Write(path, series, labels, model, Options);
        var nifti = Path.Combine(dir, "labels.nii.gz");
        await NiftiFile.WriteAsync(nifti, NiftiExport.FlipRows(labels));
        var errors = ExternalTool.Run("dciodvfy", [path]).Combined.Split('\n')
            .Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        var json = ExternalTool.Run(ExternalTool.Python,
            [TestPaths.Repo("tools", "rtstruct", "plastimatch_dice.py"), path, ctFolder, nifti, dir, .. rois], TimeSpan.FromMinutes(3));
        Assert.True(json.ExitCode == 0, json.Combined);
        var root = JsonDocument.Parse(json.StandardOutput).RootElement.Clone();
        return new Verdict(errors, root.GetProperty("rois"), root.GetProperty("pydicom"));
    }

    /// <summary>The scanned series in <paramref name="folder"/>.</summary>
    public static async Task<DicomSeries> SeriesAsync(string folder) => (await DicomSeriesScanner.ScanAsync(folder)).Volumes.Single();
}
