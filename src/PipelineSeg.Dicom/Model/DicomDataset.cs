using System.Text;

namespace PipelineSeg.Dicom;

/// <summary>
/// A set of attributes (a whole dataset or one sequence item). Values read from a file are views over the file buffer,
/// valid while the owning <see cref="DicomFile"/> is open. Getters are in DicomDataset.Getters.cs, setters (used by the
/// writer) in DicomDataset.Setters.cs.
/// </summary>
public sealed partial class DicomDataset
{
    private readonly Dictionary<uint, DicomElement> _elements = [];
    private Encoding? _encoding;

    /// <summary>Creates an empty little-endian dataset (for writing, or as a sequence item).</summary>
    public DicomDataset()
    {
    }

    /// <summary>Creates an empty dataset with the given byte order and parent (for items).</summary>
    internal DicomDataset(bool isBigEndian, DicomDataset? parent)
    {
        IsBigEndian = isBigEndian;
        Parent = parent;
    }

    /// <summary>True when binary values are stored big endian (Explicit VR Big Endian files).</summary>
    public bool IsBigEndian { get; }

    /// <summary>The dataset holding the sequence this item belongs to; null at top level.</summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>Number of attributes.</summary>
    public int Count => _elements.Count;

    /// <summary>The attributes in tag order.</summary>
    public IEnumerable<DicomElement> Elements => _elements.Values.OrderBy(e => e.Tag.Value);

    /// <summary>
    /// Encoding of character-set dependent text: from this dataset's Specific Character Set, else the parent's
    /// (items inherit it, PS3.5 §7.5.3), else Latin-1.
    /// </summary>
    public Encoding TextEncoding
    {
        get
        {
            if (_encoding is not null)
            {
                return _encoding;
            }
            if (_elements.TryGetValue(DicomTags.SpecificCharacterSet.Value, out var cs))
            {
                return _encoding = DicomCharacterSet.FromSpecificCharacterSet(Encoding.ASCII.GetString(cs.Value.Span));
            }
            return Parent?.TextEncoding ?? Encoding.Latin1;
        }
    }

    /// <summary>True when the attribute is present (possibly empty).</summary>
    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag.Value);

    /// <summary>The element, or null.</summary>
    public DicomElement? GetElement(DicomTag tag) => _elements.GetValueOrDefault(tag.Value);

    /// <summary>Adds or replaces an element.</summary>
    public void Set(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _elements[element.Tag.Value] = element;
        if (element.Tag == DicomTags.SpecificCharacterSet)
        {
            _encoding = null;
        }
        if (element.Items is not null)
        {
            foreach (var item in element.Items)
            {
                item.Parent ??= this;
            }
        }
    }

    /// <summary>Removes an element; returns whether it was present.</summary>
    public bool Remove(DicomTag tag) => _elements.Remove(tag.Value);

    /// <summary>Adds an element read from a file; a repeated tag keeps the first occurrence.</summary>
    internal void AddParsed(DicomElement element) => _elements.TryAdd(element.Tag.Value, element);
}
