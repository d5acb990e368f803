using System.Text;

namespace PipelineSeg.Nn;

/// <summary>A state dict did not fit a module: names every missing, unexpected and mis-shaped key.</summary>
public sealed class StateDictMismatchException : Exception
{
    /// <summary>Creates the exception; the message lists every key.</summary>
    public StateDictMismatchException(string moduleName, string sourceName, IReadOnlyList<string> missingKeys,
        IReadOnlyList<string> unexpectedKeys, IReadOnlyList<string> shapeMismatches)
        : base(Describe(moduleName, sourceName, missingKeys, unexpectedKeys, shapeMismatches))
    {
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        ShapeMismatches = shapeMismatches;
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public StateDictMismatchException() : this("module", "state dict", [], [], [])
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public StateDictMismatchException(string message) : base(message)
    {
        MissingKeys = UnexpectedKeys = ShapeMismatches = [];
    }

    /// <summary>Creates an exception with a plain message and a cause.</summary>
    public StateDictMismatchException(string message, Exception innerException) : base(message, innerException)
    {
        MissingKeys = UnexpectedKeys = ShapeMismatches = [];
    }

    /// <summary>Keys the module has and the source lacks.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Keys the source has and the module lacks.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>"key: checkpoint [..], model [..]" for every key whose shapes differ.</summary>
    public IReadOnlyList<string> ShapeMismatches { get; }

    private static string Describe(string module, string source, IReadOnlyList<string> missing,
        IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
    {
        var text = new StringBuilder($"Error(s) in loading state dict for {module} from {source}:");
        if (missing.Count > 0)
        {
            text.Append(" Missing key(s): ").AppendJoin(", ", missing.Select(k => $"\"{k}\"")).Append('.');
        }
        if (unexpected.Count > 0)
        {
            text.Append(" Unexpected key(s): ").AppendJoin(", ", unexpected.Select(k => $"\"{k}\"")).Append('.');
        }
        if (misShaped.Count > 0)
        {
            text.Append(" Size mismatch for ").AppendJoin("; ", misShaped).Append('.');
        }
        if (unexpected.Count > 0 && unexpected.All(k => k.StartsWith("module.", StringComparison.Ordinal)))
        {
            text.Append(" (every unexpected key starts with \"module.\": a DataParallel checkpoint? load it with stripPrefix: \"module.\")");
        }
        return text.ToString();
    }
}
