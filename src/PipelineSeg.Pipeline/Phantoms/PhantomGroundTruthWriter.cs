using PipelineSeg.Imaging.Nifti;
using PipelineSeg.Imaging.Phantoms;

namespace PipelineSeg.Pipeline.Phantoms;

/// <summary>Writes the ground truth of a DICOM phantom next to its CT series.</summary>
public static class PhantomGroundTruthWriter
{
    /// <summary>Writes the task labels for the CT slices in <paramref name="ctFiles"/>.</summary>
    public static void Write(PhantomCase phantom, IReadOnlyList<string> ctFiles, string directory)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        ArgumentNullException.ThrowIfNull(ctFiles);
        Directory.CreateDirectory(directory);
        NiftiFile.Write(Path.Combine(directory, "labels.nii.gz"), phantom.Labels);
    }
}
