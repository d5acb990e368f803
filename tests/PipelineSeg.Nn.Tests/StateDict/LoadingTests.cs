using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.StateDict;

public sealed class LoadingTests : IDisposable
{
    private readonly string dir = TestPaths.NewTempDirectory("statedict");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static Sequential Model() => new(new Conv2d(2, 3, 3, padding: 1), new BatchNorm2d(3), new ReLU(), new Conv2d(3, 1, 1, bias: false));

    [SkippableFact]
    public void Keys_follow_pytorch_naming_and_order()
    {
        using var m = Model();
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "3.weight"], m.StateDict().Keys);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "3.weight"], m.NamedParameters().Select(p => p.Key));
        Assert.Equal(2 * 3 * 9 + 3 + 3 + 3 + 3, m.ParameterCount());
    }

    [SkippableFact]
    public void Safetensors_round_trip_restores_every_tensor()
    {
        var path = Path.Combine(dir, "m.safetensors");
        using (var a = Model())
        {
            a.StateDict()["1.running_var"].Span.Fill(2.5f);
            a.SaveSafetensors(path);
        }
        using var b = Model();
        b.LoadSafetensors(path);
        Assert.All(b.StateDict()["1.running_var"].ToArray(), v => Assert.Equal(2.5f, v));
        using var file = SafetensorsFile.Open(path);
        Assert.Equal(7, file.Entries.Count);
    }

    [SkippableFact]
    public void Strict_load_names_every_missing_unexpected_and_mis_shaped_key()
    {
        using var source = Model();
        var dict = source.StateDict().Where(kv => kv.Key != "0.bias").ToDictionary();
        using var extra = Tensor.Zeros(4);
        using var wrongShape = Tensor.Zeros(1, 3, 3, 3);
        dict["decoder.head.weight"] = extra;
        dict["3.weight"] = wrongShape;
        using var target = Model();
        var e = Assert.Throws<StateDictMismatchException>(() => target.LoadStateDict(dict));
        Assert.Equal(["0.bias"], e.MissingKeys);
        Assert.Equal(["decoder.head.weight"], e.UnexpectedKeys);
        Assert.StartsWith("3.weight:", Assert.Single(e.ShapeMismatches), StringComparison.Ordinal);
        Assert.Contains("\"0.bias\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"decoder.head.weight\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("3.weight: checkpoint [1, 3, 3, 3], model [1, 3, 1, 1]", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Non_strict_load_tolerates_missing_and_unexpected_keys_but_not_shapes()
    {
        using var source = Model();
        using var extra = Tensor.Zeros(4);
        var dict = source.StateDict().Where(kv => kv.Key != "0.bias").ToDictionary();
        dict["extra"] = extra;
        using var target = Model();
        target.LoadStateDict(dict, strict: false);
        Assert.Equal(source.StateDict()["0.weight"].ToArray(), target.StateDict()["0.weight"].ToArray());
        using var bad = Tensor.Zeros(2);
        dict["0.weight"] = bad;
        Assert.Throws<StateDictMismatchException>(() => target.LoadStateDict(dict, strict: false));
    }

    [SkippableFact]
    public void Errors_from_a_file_name_the_file()
    {
        using var net = new Sequential(new Conv2d(3, 4, 3, padding: 1));
        var path = TestPaths.Repo("tests", "PipelineSeg.Nn.Tests", "Fixtures", "networks", "mini_unet.safetensors");
        var e = Assert.Throws<StateDictMismatchException>(() => net.LoadSafetensors(path));
        Assert.Contains("mini_unet.safetensors", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"0.weight\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"down.0.conv.0.weight\"", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Num_batches_tracked_in_a_pytorch_checkpoint_is_ignored()
    {
        var path = TestPaths.Repo("tests", "PipelineSeg.Nn.Tests", "Fixtures", "layers", "bn_eval.safetensors");
        using (var file = SafetensorsFile.Open(path))
        {
            Assert.Equal("I64", file["num_batches_tracked"].DataType);
        }
        using var bn = new BatchNorm2d(5);
        bn.LoadSafetensors(path);
        Assert.DoesNotContain(bn.StateDict().Keys, k => k.Contains("num_batches_tracked", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Malformed_safetensors_files_are_reported_with_path_and_cause()
    {
        var tiny = Path.Combine(dir, "tiny.safetensors");
        File.WriteAllBytes(tiny, [1, 2, 3]);
        Assert.Contains("tiny.safetensors", Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(tiny)).Message, StringComparison.Ordinal);

        var badJson = Path.Combine(dir, "json.safetensors");
        var header = "{not json}"u8.ToArray();
        File.WriteAllBytes(badJson, [.. BitConverter.GetBytes((long)header.Length), .. header]);
        var e = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(badJson));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);

        var overflow = Path.Combine(dir, "overflow.safetensors");
        var h2 = """{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"""u8.ToArray();
        File.WriteAllBytes(overflow, [.. BitConverter.GetBytes((long)h2.Length), .. h2, 0, 0, 0, 0]);
        Assert.Contains("outside", Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(overflow)).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Loading_rebuilds_prepared_plans()
    {
        using var conv = new Conv2d(1, 1, 1);
        using var input = Tensor.Full(1f, 1, 1, 2, 2);
        conv.Forward(input).Dispose();
        using var w = Tensor.Full(3f, 1, 1, 1, 1);
        using var b = Tensor.Full(0.5f, 1);
        conv.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = w, ["bias"] = b });
        using var output = conv.Forward(input);
        Assert.All(output.ToArray(), v => Assert.Equal(3.5f, v));
    }

    [SkippableFact]
    public void Data_parallel_prefixes_are_stripped_on_request_and_hinted_otherwise()
    {
        using var source = Model();
        var prefixed = source.StateDict().ToDictionary(kv => "module." + kv.Key, kv => kv.Value);
        using var target = Model();
        var e = Assert.Throws<StateDictMismatchException>(() => target.LoadStateDict(prefixed));
        Assert.Contains("stripPrefix", e.Message, StringComparison.Ordinal);
        target.LoadStateDict(prefixed, stripPrefix: "module.");
        Assert.Equal(source.StateDict()["3.weight"].ToArray(), target.StateDict()["3.weight"].ToArray());
    }
}
