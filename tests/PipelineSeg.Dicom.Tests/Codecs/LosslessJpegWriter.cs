namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>
/// A deliberately simple JPEG lossless (process 14) encoder for tests: any predictor, point transform, restart
/// interval and interleaved components, one fixed Huffman table (17 five-bit codes). Written from T.81 Annex H,
/// independently of the decoder.
/// </summary>
internal static class LosslessJpegWriter
{
    /// <summary>Encodes interleaved samples (components per pixel) into a complete JPEG stream.</summary>
    public static byte[] Encode(ushort[] samples, int width, int height, int components, int precision, int predictor,
        int pointTransform = 0, int restartRows = 0)
    {
        var output = new List<byte> { 0xFF, 0xD8 };
        var sof = new List<byte> { (byte)precision, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components };
        for (var c = 0; c < components; c++)
        {
            sof.AddRange([(byte)(c + 1), 0x11, 0]);
        }
        Segment(output, 0xC3, sof);
        var dht = new List<byte> { 0x00 };
        dht.AddRange(new byte[16]);
        dht[5] = 17; // 17 codes of length 5: category k has code k
        dht.AddRange(Enumerable.Range(0, 17).Select(i => (byte)i));
        Segment(output, 0xC4, dht);
        if (restartRows > 0)
        {
            var interval = restartRows * width;
            Segment(output, 0xDD, [(byte)(interval >> 8), (byte)interval]);
        }
        var sos = new List<byte> { (byte)components };
        for (var c = 0; c < components; c++)
        {
            sos.AddRange([(byte)(c + 1), 0x00]);
        }
        sos.AddRange([(byte)predictor, 0, (byte)pointTransform]);
        Segment(output, 0xDA, sos);

        var bits = new BitWriter(output);
        var shifted = samples.Select(s => s >> pointTransform).ToArray();
        var restartCount = 0;
        for (var y = 0; y < height; y++)
        {
            var firstLine = y == 0;
            if (restartRows > 0 && y > 0 && y % restartRows == 0)
            {
                bits.Flush();
                output.AddRange([0xFF, (byte)(0xD0 + (restartCount++ % 8))]);
                firstLine = true;
            }
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < components; c++)
                {
                    int Sample(int xx, int yy) => shifted[(((yy * width) + xx) * components) + c];
                    int prediction;
                    if (firstLine)
                    {
                        prediction = x == 0 ? 1 << (precision - pointTransform - 1) : Sample(x - 1, y);
                    }
                    else if (x == 0)
                    {
                        prediction = Sample(0, y - 1);
                    }
                    else
                    {
                        int a = Sample(x - 1, y), b = Sample(x, y - 1), cc = Sample(x - 1, y - 1);
                        prediction = predictor switch
                        {
                            1 => a, 2 => b, 3 => cc, 4 => a + b - cc, 5 => a + ((b - cc) >> 1), 6 => b + ((a - cc) >> 1), _ => (a + b) >> 1,
                        };
                    }
                    var difference = (Sample(x, y) - prediction) & 0xFFFF;
                    if (difference >= 32768 && difference != 32768)
                    {
                        difference -= 65536;
                    }
                    var category = difference == 32768 ? 16 : Magnitude(Math.Abs(difference));
                    bits.Write(category, 5);
                    if (category is > 0 and < 16)
                    {
                        bits.Write(difference > 0 ? difference : difference + (1 << category) - 1, category);
                    }
                }
            }
        }
        bits.Flush();
        output.AddRange([0xFF, 0xD9]);
        return [.. output];
    }

    private static int Magnitude(int value)
    {
        var bits = 0;
        while (value > 0)
        {
            bits++;
            value >>= 1;
        }
        return bits;
    }

    private static void Segment(List<byte> output, byte marker, List<byte> body)
    {
        output.AddRange([0xFF, marker, (byte)((body.Count + 2) >> 8), (byte)(body.Count + 2)]);
        output.AddRange(body);
    }

    /// <summary>MSB-first bit writer with 0xFF00 stuffing and 1-bit padding.</summary>
    private sealed class BitWriter(List<byte> output)
    {
        private int _accumulator;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _accumulator = (_accumulator << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.Add((byte)_accumulator);
            if (_accumulator == 0xFF)
            {
                output.Add(0);
            }
            _accumulator = 0;
            _count = 0;
        }
    }
}
