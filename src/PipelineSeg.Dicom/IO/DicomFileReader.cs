using System.Buffers.Binary;
using System.IO.Compression;

namespace PipelineSeg.Dicom;

/// <summary>Detects the file layout (preamble, file meta, transfer syntax) and parses the dataset.</summary>
internal static class DicomFileReader
{
    public static DicomFile Read(string sourceName, FileBuffer buffer, DicomReadOptions options, bool isPrefix)
    {
        var memory = buffer.Memory;
        var span = memory.Span;
        var warnings = new List<string>();
        var pos = 0;
        var hasPreamble = false;
        if (span.Length >= 132 && span.Slice(128, 4).SequenceEqual("DICM"u8))
        {
            hasPreamble = true;
            pos = 132;
        }
        else if (span.Length >= 4 && span[..4].SequenceEqual("DICM"u8))
        {
            pos = 4;
            warnings.Add("'DICM' prefix without the 128-byte preamble");
        }

        var meta = new DicomDataset();
        if (span.Length - pos >= 8 && BinaryPrimitives.ReadUInt16LittleEndian(span[pos..]) == 0x0002)
        {
            var metaParser = new DicomDatasetParser(memory, Settings(true, false, sourceName, 0, isPrefix, t => t.Group != 0x0002, options), warnings);
            meta = metaParser.ParseTopLevel(pos);
            pos = metaParser.Position;
        }
        else if (hasPreamble)
        {
            warnings.Add("no file meta information after 'DICM'");
        }

        var syntax = ChooseTransferSyntax(sourceName, meta, span[pos..], hasPreamble || meta.Count > 0, warnings);
        var dataMemory = memory;
        long baseOffset = 0;
        var dataStart = pos;
        var dataIsPrefix = isPrefix;
        if (syntax.IsDeflated)
        {
            if (isPrefix)
            {
                throw new DicomNeedMoreDataException(long.MaxValue / 4); // inflate needs the whole stream
            }
            dataMemory = Inflate(memory[pos..], sourceName, pos, options.MaxInflatedBytes);
            dataStart = 0;
            dataIsPrefix = false;
            warnings.Add($"deflated dataset: offsets of dataset elements are in the inflated stream that starts at file offset {pos}");
            baseOffset = 0;
        }

        var stop = StopPredicate(options);
        var parser = new DicomDatasetParser(dataMemory,
            Settings(syntax.IsExplicitVR, syntax.IsBigEndian, sourceName, baseOffset, dataIsPrefix, stop, options), warnings);
        var dataset = parser.ParseTopLevel(dataStart);
        return new DicomFile(sourceName, buffer, null, meta, dataset, syntax, hasPreamble, parser.Stopped, warnings);
    }

    private static Func<DicomTag, bool>? StopPredicate(DicomReadOptions options)
    {
        var custom = options.StopAt;
        if (!options.StopBeforePixelData)
        {
            return custom;
        }
        return custom is null
            ? static t => t.Group >= 0x7FE0
            : t => t.Group >= 0x7FE0 || custom(t);
    }

    private static DicomParserSettings Settings(bool explicitVR, bool bigEndian, string sourceName, long baseOffset,
        bool isPrefix, Func<DicomTag, bool>? stop, DicomReadOptions options) =>
        new(explicitVR, bigEndian, sourceName, baseOffset, isPrefix, stop, options.MaxSequenceDepth, options.MaxElements);

    private static DicomTransferSyntax ChooseTransferSyntax(string sourceName, DicomDataset meta, ReadOnlySpan<byte> data,
        bool looksLikeDicom, List<string> warnings)
    {
        var uid = meta.GetString(DicomTags.TransferSyntaxUID);
        var sniffed = Sniff(data);
        if (!string.IsNullOrEmpty(uid))
        {
            var declared = DicomTransferSyntax.Lookup(uid);
            // Some writers declare implicit VR but write explicit VR (pydicom checks this too).
            if (!declared.IsExplicitVR && sniffed is { IsExplicitVR: true, IsBigEndian: false })
            {
                warnings.Add($"transfer syntax {uid} declares implicit VR but the dataset is explicit VR; read as explicit");
                return DicomTransferSyntax.ExplicitVRLittleEndian;
            }
            return declared;
        }
        if (sniffed is not null)
        {
            if (looksLikeDicom)
            {
                warnings.Add($"no transfer syntax in file meta; detected {sniffed.Name}");
            }
            return sniffed;
        }
        if (looksLikeDicom)
        {
            // PS3.10 default when the meta says nothing and the first element is unusual (pydicom does the same).
            warnings.Add("no transfer syntax in file meta; assuming Implicit VR Little Endian");
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }
        throw looksLikeDicom
            ? new DicomFormatException("cannot recognise the dataset encoding after the file meta", sourceName, null, null)
            : new NotDicomException("not a DICOM file (no 'DICM' prefix and no recognisable dataset)", sourceName);
    }

    /// <summary>Detects the encoding of a bare dataset from its first element.</summary>
    internal static DicomTransferSyntax? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return null;
        }
        var le = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var be = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (DicomVRInfo.TryParse(data[4], data[5], out _))
        {
            if (PlausibleFirstGroup(le))
            {
                return DicomTransferSyntax.ExplicitVRLittleEndian;
            }
            if (PlausibleFirstGroup(be))
            {
                return DicomTransferSyntax.ExplicitVRBigEndian;
            }
            return null;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (PlausibleFirstGroup(le) && (length == 0xFFFFFFFF || length <= data.Length - 8))
        {
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }
        return null;
    }

    private static bool PlausibleFirstGroup(ushort group) => group <= 0x0028 && (group & 1) == 0;

    private static ReadOnlyMemory<byte> Inflate(ReadOnlyMemory<byte> compressed, string sourceName, long offset, long maxBytes)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = inflater.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    throw new DicomFormatException($"deflated dataset inflates beyond {maxBytes} bytes", sourceName, null, offset);
                }
                output.Write(chunk, 0, n);
            }
            return output.GetBuffer().AsMemory(0, (int)output.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new DicomFormatException($"corrupt deflate stream: {ex.Message}", sourceName, null, offset, ex);
        }
    }
}
