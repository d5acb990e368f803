using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;
using PipelineSeg.Tensors.Operations;

using Xunit.Abstractions;

namespace PipelineSeg.Nn.Tests.Parity;

/// <summary>Every layer case of make_fixtures.py against PyTorch's output (same construction as the Python side).</summary>
public sealed class LayerParityTests(ITestOutputHelper log)
{
    private static readonly Dictionary<string, Func<Module>> Cases = new()
    {
        ["conv_basic"] = () => new Conv2d(3, 4, 3, padding: 1),
        ["conv_stride2_batch2"] = () => new Conv2d(3, 5, 3, stride: 2, padding: 1),
        ["conv_dilation2_nobias"] = () => new Conv2d(4, 4, 3, padding: 2, dilation: 2, bias: false),
        ["conv_groups2"] = () => new Conv2d(4, 6, 3, padding: 1, groups: 2),
        ["conv_depthwise"] = () => new Conv2d(4, 4, 3, padding: 1, groups: 4),
        ["conv_rect_kernel"] = () => new Conv2d(new Conv2dOptions(3, 4, 3, 5, StrideH: 2, StrideW: 1, PadH: 1, PadW: 2)),
        ["conv_1x1"] = () => new Conv2d(8, 3, 1),
        ["convT_k2s2"] = () => new ConvTranspose2d(4, 3, 2, stride: 2),
        ["convT_k3s2p1op1"] = () => new ConvTranspose2d(4, 3, 3, stride: 2, padding: 1, outputPadding: 1),
        ["convT_groups2_nobias"] = () => new ConvTranspose2d(4, 6, 3, stride: 2, padding: 1, groups: 2, bias: false),
        ["bn_eval"] = () => new BatchNorm2d(5),
        ["conv_bn_relu"] = () => new Sequential(new Conv2d(3, 6, 3, padding: 1, bias: false), new BatchNorm2d(6), new ReLU()),
        ["conv_bn_leaky"] = () => new Sequential(new Conv2d(3, 6, 3, padding: 1), new BatchNorm2d(6), new LeakyReLU(0.2f)),
        ["convT_bn_relu"] = () => new Sequential(new ConvTranspose2d(4, 3, 2, stride: 2), new BatchNorm2d(3), new ReLU()),
        ["conv_sigmoid"] = () => new Sequential(new Conv2d(3, 2, 3), new Sigmoid()),
        ["instnorm_plain"] = () => new InstanceNorm2d(4),
        ["instnorm_affine"] = () => new InstanceNorm2d(4, affine: true),
        ["instnorm_tracked"] = () => new InstanceNorm2d(4, affine: true, trackRunningStats: true),
        ["relu"] = () => new ReLU(),
        ["leakyrelu"] = () => new LeakyReLU(0.2f),
        ["sigmoid"] = () => new Sigmoid(),
        ["tanh"] = () => new Tanh(),
        ["softmax_channels"] = () => new Softmax(1),
        ["maxpool_k2_odd"] = () => new MaxPool2d(2),
        ["maxpool_k3s2p1_ceil"] = () => new MaxPool2d(3, stride: 2, padding: 1, ceilMode: true),
        ["maxpool_k3s1p1_dil2"] = () => new MaxPool2d(3, stride: 1, padding: 1, dilation: 2),
        ["avgpool_k2_odd"] = () => new AvgPool2d(2),
        ["avgpool_k3s2p1_ceil_incl"] = () => new AvgPool2d(3, stride: 2, padding: 1, ceilMode: true, countIncludePad: true),
        ["avgpool_k3s2p1_ceil_excl"] = () => new AvgPool2d(3, stride: 2, padding: 1, ceilMode: true, countIncludePad: false),
        ["adaptive_avg_1"] = () => new AdaptiveAvgPool2d(1),
        ["adaptive_avg_3x5"] = () => new AdaptiveAvgPool2d(3, 5),
        ["nearest_x2"] = () => new Upsample(2.0),
        ["nearest_size"] = () => new Upsample((13, 17)),
        ["nearest_x1_5"] = () => new Upsample(1.5),
        ["bilinear_x2"] = () => new Upsample(2.0, InterpolationMode.Bilinear),
        ["bilinear_x2_ac"] = () => new Upsample(2.0, InterpolationMode.Bilinear, alignCorners: true),
        ["bilinear_size"] = () => new Upsample((13, 17), InterpolationMode.Bilinear),
        ["bilinear_size_ac"] = () => new Upsample((13, 17), InterpolationMode.Bilinear, alignCorners: true),
        ["bilinear_down"] = () => new Upsample((4, 3), InterpolationMode.Bilinear),
        ["reflectionpad"] = () => new ReflectionPad2d(1, 2, 3, 1),
        ["zeropad"] = () => new ZeroPad2d(2, 1, 0, 3),
        ["constantpad"] = () => new ConstantPad2d(1, 0, 2, 3, -1.5f),
        ["zeropad_negative_crops"] = () => new ZeroPad2d(-1, 2, 1, -2),
        ["conv_k2s2_even"] = () => new Conv2d(3, 4, 2, stride: 2),
        ["convT_dilation2"] = () => new ConvTranspose2d(3, 2, 3, stride: 2, padding: 2, dilation: 2),
        ["avgpool_divisor_override"] = () => new AvgPool2d(3, stride: 2, padding: 1, divisorOverride: 5),
        ["nearest_down"] = () => new Upsample((4, 5)),
        ["maxpool_k2_nan"] = () => new MaxPool2d(2),
        ["conv_f16_weights"] = () => new Conv2d(3, 4, 3, padding: 1),
        ["conv_bf16_weights"] = () => new Conv2d(3, 4, 3, padding: 1),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Layer_matches_pytorch(string name)
    {
        using var module = Cases[name]();
        var error = Fixture.AssertForwardMatches(module, "layers", name);
        log.WriteLine($"{name}: max scaled error {error:E2}");
    }

    [SkippableFact]
    public void Every_layer_fixture_has_a_case()
    {
        var names = Directory.GetFiles(TestPaths.Repo("tests", "PipelineSeg.Nn.Tests", "Fixtures", "layers"), "*.input.npy")
            .Select(p => Path.GetFileName(p)[..^".input.npy".Length])
            .Where(n => n is not ("maxpool_indices" or "maxpool_unpool" or "convT_output_size"));
        Assert.All(names, n => Assert.True(Cases.ContainsKey(n), $"fixture {n} has no test case"));
    }

    [SkippableFact]
    public void MaxPool_indices_match_pytorch()
    {
        using var pool = new MaxPool2d(3, stride: 2, padding: 1, returnIndices: true);
        using var input = Fixture.Input("layers", "maxpool_indices");
        var (output, indices) = pool.ForwardWithIndices(input);
        using (output)
        using (indices)
        {
            Fixture.AssertClose(Fixture.Expected("layers", "maxpool_indices"), output, "maxpool_indices");
            var expected = NpyFile.Read(Fixture.PathOf("layers", "maxpool_indices", ".indices.npy"));
            Assert.Equal(expected.Shape.ToArray(), indices.Shape.ToArray());
            Assert.Equal(expected.AsInt64().ToArray(), indices.ToInt64Array());
        }
    }

    [SkippableFact]
    public void MaxUnpool_restores_odd_sizes_like_pytorch()
    {
        using var pool = new MaxPool2d(2, returnIndices: true);
        using var unpool = new MaxUnpool2d(2);
        using var input = Fixture.Input("layers", "maxpool_unpool");
        var (pooled, indices) = pool.ForwardWithIndices(input);
        using (pooled)
        using (indices)
        {
            using var output = unpool.Forward(pooled, indices, (input.Shape[2], input.Shape[3]));
            Fixture.AssertClose(Fixture.Expected("layers", "maxpool_unpool"), output, "maxpool_unpool");
        }
    }

    [SkippableFact]
    public void ConvTranspose_output_size_selects_the_output_padding_like_pytorch()
    {
        using var up = new ConvTranspose2d(4, 3, 3, stride: 2, padding: 1);
        Fixture.LoadWeights(up, "layers", "convT_output_size");
        using var input = Fixture.Input("layers", "convT_output_size");
        using var output = up.Forward(input, (14, 12));
        Fixture.AssertClose(Fixture.Expected("layers", "convT_output_size"), output, "convT_output_size");
        using var plain = up.Forward(input, (13, 11));
        Assert.Equal([1, 3, 13, 11], plain.Shape.ToArray());
        Assert.Throws<ArgumentException>(() => up.Forward(input, (15, 12)));
    }

    [SkippableFact]
    public void Half_precision_checkpoints_are_stored_as_f16_and_bf16()
    {
        using var f16 = SafetensorsFile.Open(Fixture.PathOf("layers", "conv_f16_weights", ".safetensors"));
        using var bf16 = SafetensorsFile.Open(Fixture.PathOf("layers", "conv_bf16_weights", ".safetensors"));
        Assert.Equal("F16", f16["weight"].DataType);
        Assert.Equal("BF16", bf16["weight"].DataType);
    }

    [SkippableFact]
    public void Pooling_geometry_follows_pytorch_ceil_mode_rule()
    {
        // The last window must start inside the input or left padding: 5 → ceil((5+2-3)/2)+1 = 3, not 4.
        Assert.Equal((3, 3), new Pool2dGeometry(3, 3, 2, 2, 1, 1, CeilMode: true).OutputSize(5, 5));
        Assert.Equal((6, 5), new Pool2dGeometry(2, 2, 2, 2, CeilMode: true).OutputSize(12, 9));
    }
}
