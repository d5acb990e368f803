using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Host.Composition;

/// <summary>
/// Turns output names (<c>Pipelines:&lt;name&gt;:Outputs</c>, <c>batch --outputs</c>) into what a batch writes: the SEG,
/// which the pipeline writes itself, and the registered <see cref="ISeriesResultWriter"/>s. A name that is not known, or
/// known but not installed in this build, is an error naming the setting.
/// </summary>
internal sealed class ResultWriterCatalog(IEnumerable<ISeriesResultWriter> writers)
{
    private readonly Dictionary<string, ISeriesResultWriter> _writers = writers.ToDictionary(w => w.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every output this build can write.</summary>
    public IReadOnlyList<string> Installed => [OutputNames.Seg, .. OutputNames.Known.Where(_writers.ContainsKey)];

    /// <summary>Problems with <paramref name="names"/>, each naming <paramref name="setting"/>; empty when all can be written.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<string> names, string setting)
    {
        ArgumentNullException.ThrowIfNull(names);
        var errors = new List<string>(OutputNames.Validate(names, setting));
        errors.AddRange(NotInstalled(names, setting));
        if (names.Count == 0)
        {
            errors.Add($"{setting}: names no output (choose from {string.Join(", ", Installed)})");
        }
        return errors;
    }

    /// <summary>Known names in <paramref name="names"/> whose writer this build lacks, as errors naming <paramref name="setting"/>.</summary>
    public IReadOnlyList<string> NotInstalled(IReadOnlyList<string> names, string setting)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Where(n => OutputNames.Known.Contains(n, StringComparer.OrdinalIgnoreCase)
                && !string.Equals(n, OutputNames.Seg, StringComparison.OrdinalIgnoreCase) && !_writers.ContainsKey(n))
            .Select(n => $"{setting}: output '{n}' is not installed in this build (installed: {string.Join(", ", Installed)})")];
    }

    /// <summary>
    /// Whether the SEG is written and the other writers in the order named; throws <see cref="KeyNotFoundException"/>
    /// listing every problem (<see cref="Problems"/>).
    /// </summary>
    public (bool WriteSeg, IReadOnlyList<ISeriesResultWriter> Writers) Resolve(IReadOnlyList<string> names, string setting)
    {
        var problems = Problems(names, setting);
        if (problems.Count > 0)
        {
            throw new KeyNotFoundException(string.Join("; ", problems));
        }
        var writeSeg = names.Contains(OutputNames.Seg, StringComparer.OrdinalIgnoreCase);
        return (writeSeg, [.. names.Where(n => !string.Equals(n, OutputNames.Seg, StringComparison.OrdinalIgnoreCase)).Select(n => _writers[n])]);
    }
}
