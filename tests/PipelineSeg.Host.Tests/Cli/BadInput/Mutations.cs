namespace PipelineSeg.Host.Tests.Cli.BadInput;

/// <summary>
/// Deterministic damaged copies of a good file, the kinds real exports show: cut short, bytes flipped, and length
/// fields overwritten. Most damage is aimed at the first <see cref="HeaderBytes"/> bytes, where the structure is.
/// </summary>
internal static class Mutations
{
    private const int HeaderBytes = 2048;

    /// <summary><paramref name="count"/> mutated copies of <paramref name="original"/>, each with a name saying what was done.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Of(byte[] original, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(original);
        var random = new Random(seed);
        var result = new List<(string, byte[])>(count);
        var header = Math.Min(HeaderBytes, original.Length);
        for (var i = 0; i < count; i++)
        {
            var bytes = (byte[])original.Clone();
            string name;
            switch (i % 4)
            {
                case 0:
                    var cut = i % 8 == 0 ? random.Next(0, header) : random.Next(header, original.Length);
                    bytes = bytes[..cut];
                    name = $"truncated-at-{cut}";
                    break;
                case 1:
                    var flips = 1 + random.Next(8);
                    for (var f = 0; f < flips; f++)
                    {
                        bytes[random.Next(header)] ^= (byte)(1 << random.Next(8));
                    }
                    name = $"flipped-{flips}-bits";
                    break;
                case 2:
                    // A 16- or 32-bit value length (explicit VR short and long forms) set to something absurd.
                    var at = random.Next(128, Math.Max(129, header - 4));
                    var value = random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x7FFF_FFFFu, _ => (uint)random.Next() };
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), value);
                    name = $"length-{value:X8}-at-{at}";
                    break;
                default:
                    var start = random.Next(header);
                    var length = Math.Min(1 + random.Next(64), bytes.Length - start);
                    random.NextBytes(bytes.AsSpan(start, length));
                    name = $"garbage-{length}-at-{start}";
                    break;
            }
            result.Add(($"{i:D3}-{name}", bytes));
        }
        return result;
    }
}
