using System.Text.Json;

namespace PipelineSeg.Imaging.Tests.Support;

/// <summary>Reference values written by tools/imaging/make_reference.py (nibabel / scipy).</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Doc = new(() => JsonDocument.Parse(File.ReadAllText(Fixture("reference.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static string Fixture(string name) => TestPaths.Repo("tests", "PipelineSeg.Imaging.Tests", "Fixtures", name);

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    public static double[] FlattenAffine(JsonElement e) => e.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(x => x.GetDouble())).ToArray();
}
