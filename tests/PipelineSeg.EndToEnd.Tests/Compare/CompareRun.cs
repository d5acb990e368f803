using System.Globalization;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Compare;

/// <summary>Tiny labelled datasets made at test time from the phantom generator, and compare's CSV tables read back.</summary>
internal static class CompareRun
{
    /// <summary>Phantoms of <paramref name="size"/>² × <paramref name="slices"/> in <paramref name="format"/> (nifti or npy) under <paramref name="folder"/>/phantom-NNNN.</summary>
    public static void Phantoms(string folder, string format, int count, int seed, int size, int slices)
    {
        var r = PipelineSegCli.Run("phantom", "--output", folder, "--count", N(count), "--seed", N(seed), "--format", format, "--size", N(size), "--slices", N(slices), "--quiet");
        Assert.True(r.ExitCode == 0, r.Combined);
    }

    /// <summary>The rows of a CSV file written by compare (no quoted fields in these tests), by header name.</summary>
    public static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    public static double? Number(string cell) => cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
