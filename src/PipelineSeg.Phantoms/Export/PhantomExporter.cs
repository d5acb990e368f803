using System.Globalization;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Phantoms.Generation;
using PipelineSeg.Tensors;

namespace PipelineSeg.Phantoms.Export;

/// <summary>Generates phantoms and writes each into its own folder <c>phantom-&lt;seed&gt;</c> in the chosen format.</summary>
public static class PhantomExporter
{
    /// <summary>The folder name used for <paramref name="seed"/>.</summary>
    public static string FolderName(int seed) => "phantom-" + seed.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Generates and writes one phantom; returns the case and the folder written.</summary>
    public static async Task<(PhantomCase Case, string Folder)> ExportAsync(int seed, PhantomOptions options, PhantomFormat format,
        string outputDirectory, CancellationToken cancellationToken = default)
    {
        var phantom = PhantomGenerator.Generate(seed, options);
        var folder = Path.Combine(outputDirectory, FolderName(seed));
        Directory.CreateDirectory(folder);
        switch (format)
        {
            case PhantomFormat.Npy:
                WriteNpy(phantom, folder);
                await PhantomMetadata.Of(phantom).WriteAsync(Path.Combine(folder, "meta.json"), cancellationToken).ConfigureAwait(false);
                break;
            case PhantomFormat.Nifti:
                await NiftiFile.WriteAsync(Path.Combine(folder, "ct.nii.gz"), phantom.Ct, cancellationToken: cancellationToken).ConfigureAwait(false);
                await NiftiFile.WriteAsync(Path.Combine(folder, "labels.nii.gz"), phantom.Labels, cancellationToken: cancellationToken).ConfigureAwait(false);
                await NiftiFile.WriteAsync(Path.Combine(folder, "anatomy.nii.gz"), phantom.AnatomyLabels, cancellationToken: cancellationToken).ConfigureAwait(false);
                await PhantomMetadata.Of(phantom).WriteAsync(Path.Combine(folder, "meta.json"), cancellationToken).ConfigureAwait(false);
                break;
            case PhantomFormat.Dicom:
                PhantomCtSeries.Write(phantom, Path.Combine(folder, "ct"), cancellationToken);
                await PhantomGroundTruthWriter.WriteAsync(phantom, Path.Combine(folder, "ct"), Path.Combine(folder, "ground-truth"), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown phantom format");
        }
        return (phantom, folder);
    }

    private static void WriteNpy(PhantomCase phantom, string folder)
    {
        var s = phantom.Ct.Size;
        int[] shape = [s.Z, s.Y, s.X];
        var hu = new float[phantom.Ct.Length];
        var ct = phantom.Ct.Span;
        for (var i = 0; i < hu.Length; i++)
        {
            hu[i] = ct[i];
        }
        NpyFile.Write(Path.Combine(folder, "ct.npy"), hu, shape);
        NpyFile.Write(Path.Combine(folder, "labels.npy"), phantom.Labels.Span, shape);
        NpyFile.Write(Path.Combine(folder, "anatomy.npy"), phantom.AnatomyLabels.Span, shape);
    }
}
