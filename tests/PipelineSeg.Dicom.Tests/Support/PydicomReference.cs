using System.Globalization;
using System.Text.Json;

namespace PipelineSeg.Dicom.Tests.Support;

/// <summary>Reference values computed by pydicom (Debian python3) at test time.</summary>
internal static class PydicomReference
{
    private const string SegScript = """
import sys, json, numpy as np, pydicom
ds = pydicom.dcmread(sys.argv[1])
a = ds.pixel_array
n = int(getattr(ds, 'NumberOfFrames', 1))
a = a.reshape(n, ds.Rows, ds.Columns).astype(np.uint8)
open(sys.argv[2], 'wb').write(a.tobytes())
frames = []
for f in ds.PerFrameFunctionalGroupsSequence:
    seg = int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber) if 'SegmentIdentificationSequence' in f else 0
    pos = [float(x) for x in f.PlanePositionSequence[0].ImagePositionPatient] if 'PlanePositionSequence' in f else None
    frames.append({'segment': seg, 'position': pos})
print(json.dumps({'frames': frames, 'rows': int(ds.Rows), 'columns': int(ds.Columns)}))
""";

    private const string PixelScript = """
import sys, numpy as np, pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut
out = open(sys.argv[1], 'wb')
for path in sys.argv[2:]:
    ds = pydicom.dcmread(path)
    a = apply_modality_lut(ds.pixel_array, ds).astype(np.float32)
    out.write(a.tobytes())
""";

    /// <summary>pydicom's frames (segment number, position) and pixel values of a SEG.</summary>
    public static (List<(int Segment, double[]? Position)> Frames, byte[] Pixels) Seg(string path)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"pyseg-{Guid.NewGuid():N}.bin");
        try
        {
            var json = ExternalTool.RunPython(SegScript, path, raw);
            using var doc = JsonDocument.Parse(json);
            var frames = doc.RootElement.GetProperty("frames").EnumerateArray().Select(f => (
                f.GetProperty("segment").GetInt32(),
                f.GetProperty("position").ValueKind == JsonValueKind.Null
                    ? null
                    : f.GetProperty("position").EnumerateArray().Select(x => x.GetDouble()).ToArray())).ToList();
            return (frames, File.ReadAllBytes(raw));
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>pydicom pixel_array with the modality LUT applied, as float32, for each file in order, concatenated.</summary>
    public static float[] ModalityPixels(IEnumerable<string> paths)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"pypx-{Guid.NewGuid():N}.bin");
        try
        {
            ExternalTool.RunPython(PixelScript, [raw, .. paths]);
            var bytes = File.ReadAllBytes(raw);
            var result = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
            return result;
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>Formats a position for assertion messages.</summary>
    public static string Format(double[] p) => string.Join('\\', p.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)));
}
