using System.Text;

namespace PipelineSeg.Nn.Tests.Serialization;

/// <summary>Byte-level tests of the restricted unpickler with hand-written pickles (no Python needed).</summary>
public sealed class RestrictedUnpicklerTests
{
    private static object? Load(string ascii) => Load(Encoding.Latin1.GetBytes(ascii));

    private static object? Load(byte[] bytes) =>
        new RestrictedUnpickler(new PickleReader(bytes), new TorchPickleEnvironment((_, _, _, _) => throw new InvalidDataException("no storages"))).Load();

    [SkippableFact]
    public void Plain_data_is_built()
    {
        // {'a': [1, 2.5, 'x', None, True], 'b': (7,)} in protocol 0 and 2 opcodes.
        var value = Load("\u0080\u0002}q\u0000(X\u0001\u0000\u0000\u0000a](K\u0001G@\u0004\u0000\u0000\u0000\u0000\u0000\u0000X\u0001\u0000\u0000\u0000xN\u0088eX\u0001\u0000\u0000\u0000bK\u0007\u0085u.");
        var dict = Assert.IsType<PickleDict>(value);
        Assert.Equal([1L, 2.5, "x", null, true], Assert.IsType<List<object?>>(dict["a"]));
        Assert.Equal(new PickleTuple([7L]), dict["b"]);
    }

    [SkippableTheory]
    [InlineData("cos\nsystem\n(S'echo'\ntR.", "'os.system' is not allowed")]
    [InlineData("cbuiltins\neval\n(S'1'\ntR.", "'builtins.eval' is not allowed")]
    [InlineData("c__builtin__\ngetattr\n.", "'__builtin__.getattr' is not allowed")]
    [InlineData("ctorch\nload\n.", "'torch.load' is not allowed")]
    [InlineData("(ios\nsystem\nS'x'\n.", "opcode 0x69")]
    [InlineData("\u0080\u0004\u008c\u0002os\u008c\u0006system\u0093.", "'os.system' is not allowed")]
    [InlineData("ctorch\nFloatStorage\n)R.", "may only name a storage type")]
    [InlineData("(S'x'\nt}b.", "BUILD (set state) on tuple")]
    [InlineData("ccollections\nOrderedDict\n)R(S'x'\ntb.", "state must be a dict of attributes")]
    public void Anything_beyond_data_is_refused_with_its_name(string pickle, string message)
    {
        var e = Assert.Throws<UnpicklingRefusedException>(() => Load(pickle));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("X\u00ff\u0000\u0000\u0000ab")]
    [InlineData("K")]
    [InlineData("h\u0005.")]
    [InlineData("0.")]
    public void Truncated_or_inconsistent_streams_fail_cleanly(string pickle) =>
        Assert.Throws<InvalidDataException>(() => Load(pickle));

    [SkippableFact]
    public void A_file_that_is_not_a_torch_file_is_named()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory("notorch"), "weights.pt");
        File.WriteAllText(path, "{\"not\": \"a pickle\"}");
        var e = Assert.Throws<InvalidDataException>(() => TorchCheckpointFile.Open(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.False(WeightsFormat.IsTorch(path));
    }
}
