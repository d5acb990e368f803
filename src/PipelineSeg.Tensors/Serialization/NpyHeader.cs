using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PipelineSeg.Tensors;

/// <summary>The Python-dict header of a .npy file: descr, fortran_order, shape.</summary>
internal static partial class NpyHeader
{
    internal static (NpyDataType Type, int[] Shape) Parse(string header)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InvalidDataException($"malformed .npy header {header.Trim()}");
        }
        if (fortran.Groups[1].Value == "True")
        {
            throw new InvalidDataException("Fortran-order arrays are not supported; save with C order (np.ascontiguousarray)");
        }
        var type = descr.Groups[1].Value switch
        {
            "<f4" => NpyDataType.Float32,
            "<i8" => NpyDataType.Int64,
            "|u1" or "<u1" => NpyDataType.UInt8,
            "<f8" => NpyDataType.Float64,
            var other => throw new InvalidDataException($"unsupported dtype '{other}' (float32 '<f4', float64 '<f8', int64 '<i8' and uint8 '|u1' are supported)"),
        };
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new int[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            if (!int.TryParse(dims[i].TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                throw new InvalidDataException($"bad dimension '{dims[i]}' in shape ({shape.Groups[1].Value})");
            }
        }
        return (type, parsed);
    }

    /// <summary>A version 1.0 header, padded with spaces and ended by a newline so the data starts 64-byte aligned.</summary>
    internal static string Format(NpyDataType type, ReadOnlySpan<int> shape)
    {
        var descr = type switch
        {
            NpyDataType.Float32 => "<f4",
            NpyDataType.Int64 => "<i8",
            NpyDataType.Float64 => "<f8",
            _ => "|u1",
        };
        var dims = new StringBuilder();
        foreach (var d in shape)
        {
            dims.Append(d.ToString(CultureInfo.InvariantCulture)).Append(", ");
        }
        var shapeText = shape.Length == 1 ? dims.ToString().TrimEnd(' ') : dims.ToString().TrimEnd(',', ' ');
        var text = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({shapeText}), }}";
        var total = 10 + text.Length + 1;
        var padded = (total + 63) / 64 * 64;
        return text + new string(' ', padded - total) + "\n";
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
