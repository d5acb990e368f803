namespace PipelineSeg.Pipeline.Outputs.Writers;

/// <summary>The names of the result objects a pipeline can write (<c>Pipelines:&lt;name&gt;:Outputs</c>, <c>batch --outputs</c>).</summary>
public static class OutputNames
{
    /// <summary>The DICOM-SEG (and uncertainty SEG), written by the pipeline itself; the default.</summary>
    public const string Seg = "seg";

    /// <summary>RT Structure Set: one ROI per segment, closed planar contours per slice.</summary>
    public const string RtStruct = "rtstruct";

    /// <summary>Overlay images (Secondary Capture) for PACS that show only images.</summary>
    public const string Overlay = "overlay";

    /// <summary>The label map as NIfTI on the source grid.</summary>
    public const string Nifti = "nifti";

    /// <summary>The report as a web page.</summary>
    public const string Html = "html";

    /// <summary>Every name a user may choose; whether it is installed depends on the writers the Host registers.</summary>
    public static IReadOnlyList<string> Known { get; } = [Seg, RtStruct, Overlay, Nifti, Html];

    /// <summary>Used when neither the command line nor the pipeline names any output: the SEG and the page people look at.</summary>
    public static IReadOnlyList<string> Default { get; } = [Seg, Html];

    /// <summary>
    /// Splits a comma-separated list ("seg,rtstruct"), trimmed, lowercased, without duplicates, in the order given.
    /// </summary>
    public static IReadOnlyList<string> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Problems with <paramref name="names"/> (unknown names), each naming <paramref name="setting"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> names, string setting)
    {
        ArgumentNullException.ThrowIfNull(names);
        var errors = new List<string>();
        foreach (var name in names.Where(n => !Known.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"{setting}: unknown output '{name}' (known: {string.Join(", ", Known)})");
        }
        return errors;
    }
}
