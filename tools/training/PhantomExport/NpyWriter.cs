using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PipelineSeg.Tools.PhantomExport;

/// <summary>Minimal NumPy .npy (version 1.0, C order, little endian) writer for int16 and uint8 volumes.</summary>
internal static class NpyWriter
{
    public static void Write<T>(string path, ReadOnlySpan<T> data, string dtype, params int[] shape) where T : unmanaged
    {
        var dims = string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + (shape.Length == 1 ? "," : string.Empty);
        var header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': ({dims}), }}";
        var total = 10 + header.Length + 1;
        header += new string(' ', ((total + 63) / 64 * 64) - total) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y']);
        stream.Write([1, 0]);
        Span<byte> len = [(byte)(header.Length & 0xFF), (byte)(header.Length >> 8)];
        stream.Write(len);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(MemoryMarshal.AsBytes(data));
    }
}
