using PipelineSeg.Dicom;

namespace PipelineSeg.EndToEnd.Tests.Routing;

/// <summary>
/// Two pipelines (the bundled liver pipeline and a second one on the same model) and rules over samples/dicom:
/// phantom-0002 has 3 mm slices, phantom-0001 and 0003 3.5 mm.
/// </summary>
internal static class RoutingConfig
{
    public const string Second = "liver-b";

    /// <summary>Rules: a series from PACS1 gets liver-b only; a thin one gets both pipelines; a thick one is ignored.</summary>
    public const string Json = """
        {
          "Pipelines": { "liver-b": { "Model": "unet-liver-phantom", "Modalities": [ "CT" ], "SeriesDescription": "PipelineSeg second pipeline" } },
          "Routing": { "Rules": [
            { "Name": "from-pacs1", "Match": { "CallingAeTitle": "PACS1" }, "Pipelines": [ "liver-b" ] },
            { "Name": "thin", "Match": { "Modality": "CT", "SliceThicknessMm": { "Max": 3.2 } }, "Pipelines": [ "liver", "liver-b" ] },
            { "Name": "thick", "Match": { "SliceThicknessMm": { "Min": 3.2 } }, "Ignore": true }
          ] }
        }
        """;

    public static string Write(string folder)
    {
        var path = Path.Combine(folder, "routing.json");
        File.WriteAllText(path, Json);
        return path;
    }

    public static string SampleCt(int phantom) => TestPaths.Repo("samples", "dicom", $"phantom-{phantom:D4}", "ct");

    public static string SeriesUid(int phantom)
    {
        using var file = DicomFile.Open(Directory.GetFiles(SampleCt(phantom), "*.dcm").Order(StringComparer.Ordinal).First(), DicomReadOptions.HeaderOnly);
        return file.Dataset.GetString(DicomTags.SeriesInstanceUID)!;
    }

    /// <summary>The SEG files of a result folder (one per series).</summary>
    public static string[] Segs(string resultFolder) =>
        Directory.Exists(resultFolder) ? Directory.GetFiles(resultFolder, "*.dcm", SearchOption.AllDirectories) : [];
}
