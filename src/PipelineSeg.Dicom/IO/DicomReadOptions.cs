namespace PipelineSeg.Dicom;

/// <summary>How much of a file to read and the safety limits applied while parsing.</summary>
public sealed record DicomReadOptions
{
    /// <summary>Header-only read: stop at the first (7FE0,xxxx) pixel attribute (the folder watcher's hot path).</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>Extra stop predicate for the top-level dataset (the tag is not read when it returns true).</summary>
    public Func<DicomTag, bool>? StopAt { get; init; }

    /// <summary>Deepest sequence nesting accepted (real files use fewer than 10 levels).</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>Most elements (including items) accepted in one file.</summary>
    public int MaxElements { get; init; } = 4_000_000;

    /// <summary>Largest inflated size of a Deflated Explicit VR Little Endian dataset.</summary>
    public long MaxInflatedBytes { get; init; } = 1L << 30;

    /// <summary>Files at least this large are memory-mapped instead of read into a pooled buffer.</summary>
    public long MemoryMapThreshold { get; init; } = 32L << 20;

    /// <summary>Bytes read first in a header-only read; grown when the header is longer.</summary>
    public int HeaderPrefixBytes { get; init; } = 8 << 10;

    /// <summary>Header-only read options.</summary>
    public static DicomReadOptions HeaderOnly { get; } = new() { StopBeforePixelData = true };

    /// <summary>Full read options (pixel data included, accessed lazily).</summary>
    public static DicomReadOptions Full { get; } = new();
}
