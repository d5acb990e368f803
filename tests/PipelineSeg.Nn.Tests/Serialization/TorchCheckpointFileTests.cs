namespace PipelineSeg.Nn.Tests.Serialization;

public sealed class TorchCheckpointFileTests
{
    [SkippableTheory]
    [InlineData("plain.pt")]
    [InlineData("legacy.pt")]
    [InlineData("half.pth")]
    [InlineData("bf16.pth")]
    [InlineData("views.pt")]
    [InlineData("views_legacy.pt")]
    [InlineData("training.pth")]
    [InlineData("milesial.pth")]
    public void Every_tensor_matches_what_torch_saved(string file)
    {
        using var checkpoint = TorchCheckpointFile.Open(TorchCheckpoints.PathOf(file));
        using var expected = SafetensorsFile.Open(TorchCheckpoints.PathOf(Path.GetFileNameWithoutExtension(file) + ".expected.safetensors"));
        var floatKeys = checkpoint.Keys.Where(k => !k.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Entries.Select(e => e.Name), floatKeys);
        foreach (var entry in expected.Entries)
        {
            Assert.Equal(entry.Shape, checkpoint.Shape(entry.Name));
            using var want = expected.ReadTensor(entry.Name);
            using var got = checkpoint.ReadTensor(entry.Name);
            Assert.True(want.Span.SequenceEqual(got.Span), $"{file}: {entry.Name} differs");
        }
    }

    [SkippableFact]
    public void Element_types_are_reported_as_stored()
    {
        using var half = TorchCheckpointFile.Open(TorchCheckpoints.PathOf("half.pth"));
        Assert.Equal(TorchScalarType.Float16, half.ScalarType("0.weight"));
        Assert.Equal(TorchScalarType.Int64, half.ScalarType("1.num_batches_tracked"));
        using var bf16 = TorchCheckpointFile.Open(TorchCheckpoints.PathOf("bf16.pth"));
        Assert.Equal(TorchScalarType.BFloat16, bf16.ScalarType("3.weight"));
    }

    [SkippableFact]
    public void A_training_checkpoint_yields_its_nested_state_dict()
    {
        using var checkpoint = TorchCheckpointFile.Open(TorchCheckpoints.PathOf("training.pth"));
        Assert.Equal("state_dict", checkpoint.StateDictKey);
        Assert.Contains("0.weight", checkpoint.Keys);
        Assert.DoesNotContain(checkpoint.Keys, k => k.StartsWith("optimizer", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Non_tensor_entries_are_listed_and_skipped()
    {
        using var checkpoint = TorchCheckpointFile.Open(TorchCheckpoints.PathOf("milesial.pth"));
        Assert.Null(checkpoint.StateDictKey);
        Assert.Equal(["mask_values"], checkpoint.IgnoredKeys);
        Assert.Contains("extra_param", checkpoint.Keys);
    }

    [SkippableTheory]
    [InlineData("evil_reduce.pt", "posix.system")]
    [InlineData("evil_legacy.pt", "__builtin__.eval")]
    public void A_hostile_pickle_is_refused_by_name_and_nothing_runs(string file, string global)
    {
        var path = TorchCheckpoints.PathOf(file);
        var e = Assert.Throws<UnpicklingRefusedException>(() => TorchCheckpointFile.Open(path));
        Assert.Contains($"'{global}' is not allowed", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(TorchCheckpoints.PathOf("pwned")));
        using var module = new Sequential(new Conv2d(2, 3, 3, padding: 1));
        Assert.Throws<UnpicklingRefusedException>(() => module.LoadWeights(path));
    }

    [SkippableFact]
    public void A_module_loads_a_torch_file_like_the_same_weights_in_safetensors()
    {
        using var fromTorch = Model();
        using var fromSafetensors = Model();
        fromTorch.LoadWeights(TorchCheckpoints.PathOf("plain.pt"));
        fromSafetensors.LoadWeights(TorchCheckpoints.PathOf("plain.expected.safetensors"));
        foreach (var (key, tensor) in fromTorch.StateDict())
        {
            Assert.True(tensor.Span.SequenceEqual(fromSafetensors.StateDict()[key].Span), key);
        }
        using var wrongModel = new Sequential(new Conv2d(2, 4, 3, padding: 1));
        var e = Assert.Throws<StateDictMismatchException>(() => wrongModel.LoadTorchCheckpoint(TorchCheckpoints.PathOf("plain.pt")));
        Assert.Contains("plain.pt", e.Message, StringComparison.Ordinal);
    }

    private static Sequential Model() =>
        new(new Conv2d(2, 3, 3, padding: 1), new BatchNorm2d(3), new ReLU(), new ConvTranspose2d(3, 2, 2, stride: 2));
}
