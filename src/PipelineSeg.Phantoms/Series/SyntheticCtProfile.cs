using System.Globalization;
using System.Text.Json;
using PipelineSeg.Dicom;

namespace PipelineSeg.Phantoms.Series;

/// <summary>
/// The attributes every synthetic CT slice shares, whoever writes it: one fictional scanner, date and protocol, and the
/// classic 12-bit storage with Rescale Intercept −1024. Kept as data (synthetic-ct.json, the DICOM JSON model of
/// PS3.18 F.2) so the writer holds only what varies; fixed values keep regenerated files byte-identical.
/// </summary>
internal static class SyntheticCtProfile
{
    private const string Resource = "PipelineSeg.Phantoms.Series.synthetic-ct.json";

    private static readonly Lazy<DicomElement[]> Elements = new(Load);

    /// <summary>Adds the shared attributes to <paramref name="dataset"/>.</summary>
    public static void CopyTo(DicomDataset dataset)
    {
        foreach (var element in Elements.Value)
        {
            dataset.Set(element);
        }
    }

    private static DicomElement[] Load()
    {
        using var stream = typeof(SyntheticCtProfile).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing from the build");
        using var json = JsonDocument.Parse(stream);
        var dataset = new DicomDataset();
        foreach (var attribute in json.RootElement.EnumerateObject())
        {
            var tag = new DicomTag(uint.Parse(attribute.Name, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            var vr = Enum.Parse<DicomVR>(attribute.Value.GetProperty("vr").GetString()!);
            JsonElement[] values = attribute.Value.TryGetProperty("Value", out var v) ? [.. v.EnumerateArray()] : [];
            switch (vr)
            {
                case DicomVR.US:
                    dataset.SetUInt16(tag, [.. values.Select(x => x.GetUInt16())]);
                    break;
                case DicomVR.DS:
                    dataset.SetDecimalString(tag, [.. values.Select(x => x.GetDouble())]);
                    break;
                case DicomVR.IS:
                    dataset.SetIntegerString(tag, [.. values.Select(x => x.GetInt32())]);
                    break;
                default:
                    dataset.SetString(tag, vr, values.Length == 0 ? [string.Empty] : [.. values.Select(x => x.GetString()!)]);
                    break;
            }
        }
        return [.. dataset.Elements];
    }
}
