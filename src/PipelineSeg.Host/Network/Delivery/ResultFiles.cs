using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Network.Scu;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// The result objects of a job: Part 10 files in its output folder that this product wrote (our Implementation Class
/// UID in the file meta) — the SEGs, never a quarantined or copied input.
/// </summary>
internal static class ResultFiles
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };

    public static List<string> In(string outputFolder)
    {
        if (!Directory.Exists(outputFolder))
        {
            return [];
        }
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(outputFolder, "*.dcm", Recursive).Order(StringComparer.Ordinal))
        {
            try
            {
                if (Part10Source.Open(file).ImplementationClassUid == DicomUid.ImplementationClassUid)
                {
                    files.Add(file);
                }
            }
            catch (Exception e) when (e is DicomException or IOException)
            {
                // Not a Part 10 file of ours: not a result.
            }
        }
        return files;
    }
}
