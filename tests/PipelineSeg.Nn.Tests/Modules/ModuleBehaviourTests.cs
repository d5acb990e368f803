using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Modules;

public sealed class ModuleBehaviourTests
{
    private static Tensor Random(int seed, params int[] shape)
    {
        var t = Tensor.Empty(shape);
        var r = new Random(seed);
        foreach (ref var v in t.Span)
        {
            v = (float)(r.NextDouble() * 4 - 2);
        }
        return t;
    }

    private static void RandomizeBatchNorm(BatchNorm2d bn, int seed)
    {
        var r = new Random(seed);
        foreach (var (_, t) in bn.StateDict())
        {
            foreach (ref var v in t.Span)
            {
                v = (float)(0.5 + r.NextDouble());
            }
        }
        bn.LoadStateDict(bn.StateDict().ToDictionary());
    }

    public static TheoryData<int> ConvolutionKinds => [0, 1, 2];

    private static ConvolutionBase Convolution(int kind) => kind switch
    {
        0 => new Conv2d(4, 6, 3, stride: 2, padding: 1, groups: 2),
        1 => new ConvTranspose2d(4, 6, 3, stride: 2, padding: 1, outputPadding: 1, groups: 2),
        _ => new ConvTranspose2d(4, 6, 2, stride: 2, bias: false),
    };

    [SkippableTheory]
    [MemberData(nameof(ConvolutionKinds))]
    public void Explicit_fusion_equals_running_the_layers_one_by_one(int kind)
    {
        using var conv = Convolution(kind);
        using var bn = new BatchNorm2d(6);
        using var act = new LeakyReLU(0.1f);
        RandomizeBatchNorm(bn, 1);
        using var x = Random(2, 1, 4, 9, 8);
        float[] expected;
        using (var a = conv.Forward(x))
        using (var b = bn.Forward(a))
        using (var c = act.Forward(b))
        {
            expected = c.ToArray();
        }
        Fusion.Fuse(conv, bn, act);
        using var fused = conv.Forward(x);
        using var passBn = bn.Forward(fused);
        using var passAct = act.Forward(passBn);
        Assert.True(passAct.SharesStorageWith(fused));
        var actual = passAct.ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f * Math.Max(1, Math.Abs(expected[i])), $"element {i}: {expected[i]} vs {actual[i]}");
        }
        Assert.Throws<ArgumentException>(() => Fusion.Fuse(conv, bn, null));
    }

    [SkippableFact]
    public void Sequential_never_writes_into_its_input()
    {
        using var seq = new Sequential(new Dropout(0.3f), new ReLU(), new Sigmoid());
        using var x = Random(3, 1, 2, 5, 5);
        var before = x.ToArray();
        using var y = seq.Forward(x);
        Assert.Equal(before, x.ToArray());
        Assert.All(y.ToArray(), v => Assert.InRange(v, 0.5f, 1f));
    }

    [SkippableFact]
    public void Monte_carlo_dropout_is_seeded_and_reproducible()
    {
        using var seq = new Sequential(new Dropout2d(0.5f), new Dropout(0.5f));
        using var x = Tensor.Full(1f, 1, 16, 4, 4);
        using (var eval = seq.Forward(x))
        {
            Assert.Equal(x.ToArray(), eval.ToArray());
        }
        seq.EnableMonteCarloDropout(42);
        float[] first;
        using (var a = seq.Forward(x))
        {
            first = a.ToArray();
        }
        Assert.Contains(0f, first);
        Assert.Contains(4f, first); // kept twice: scaled by 1/(1-p) per layer
        using (var b = seq.Forward(x))
        {
            Assert.NotEqual(first, b.ToArray());
        }
        seq.EnableMonteCarloDropout(42);
        using (var c = seq.Forward(x))
        {
            Assert.Equal(first, c.ToArray());
        }
        seq.DisableMonteCarloDropout();
        using var d = seq.Forward(x);
        Assert.Equal(x.ToArray(), d.ToArray());
    }

    [SkippableFact]
    public void Concat_into_channel_views_equals_cat()
    {
        using var a = new Conv2d(2, 3, 3, padding: 1);
        using var b = new ConvTranspose2d(2, 4, 1);
        using var x = Random(4, 1, 2, 6, 5);
        using var ya = a.Forward(x);
        using var yb = b.Forward(x);
        using var expected = Concat.Cat([ya, yb]);
        using var buffer = Tensor.Empty(1, 7, 6, 5);
        using (var first = buffer.Narrow(1, 0, 3))
        {
            a.ForwardInto(x, first);
        }
        using (var second = buffer.Narrow(1, 3, 4))
        {
            b.ForwardInto(x, second);
        }
        Assert.Equal(expected.ToArray(), buffer.ToArray());
    }

    [SkippableFact]
    public void Concat_joins_batches_along_channels()
    {
        using var a = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 1, 1, 2);
        using var b = Tensor.FromArray([5f, 6f], 2, 1, 1, 1);
        Assert.Throws<ArgumentException>(() => Concat.Cat([a, b]));
        using var c = Tensor.FromArray([5f, 6f, 7f, 8f], 2, 1, 1, 2);
        using var cat = new Concat().Forward(a, c);
        Assert.Equal([1f, 2f, 5f, 6f, 3f, 4f, 7f, 8f], cat.ToArray());
    }

    [SkippableFact]
    public void Modules_start_in_eval_mode_and_train_switches_recursively()
    {
        using var seq = new Sequential(new Sequential(new Dropout()), new BatchNorm2d(2));
        Assert.All(seq.NamedModules(), m => Assert.False(m.Value.Training));
        seq.Train();
        Assert.All(seq.NamedModules(), m => Assert.True(m.Value.Training));
        seq.Eval();
        Assert.All(seq.NamedModules(), m => Assert.False(m.Value.Training));
    }

    [SkippableFact]
    public void Module_list_has_no_forward_and_sequential_accepts_names()
    {
        using var list = new ModuleList(new ReLU());
        using var x = Tensor.Zeros(1, 1, 1, 1);
        Assert.Throws<NotSupportedException>(() => list.Forward(x));
        using var named = new Sequential(("features", new Conv2d(1, 1, 1)), ("act", new ReLU()));
        using var empty = new Sequential();
        using (var passed = empty.Forward(x))
        {
            Assert.True(passed.SharesStorageWith(x));
        }
        empty.Append(new Identity()).Append(new ReLU());
        Assert.Equal(2, empty.Count);
        Assert.Equal("Sequential(\n  (0): Identity\n  (1): ReLU\n)", empty.Describe());
        Assert.Equal(["features.weight", "features.bias"], named.StateDict().Keys);
        Assert.Throws<ArgumentException>(() => new Sequential(("a.b", new ReLU())));
    }

    [SkippableFact]
    public void Instance_norm_running_statistics_are_used_in_eval_and_updated_in_training()
    {
        using var norm = new InstanceNorm2d(2, trackRunningStats: true);
        using var x = Random(5, 2, 2, 4, 4);
        norm.Train();
        norm.Forward(x).Dispose();
        Assert.NotEqual(0f, norm.RunningMean!.Span[0]);
        norm.Eval();
        using var y = norm.Forward(x);
        var mean = norm.RunningMean.Span[0];
        var inv = 1 / MathF.Sqrt(norm.RunningVar!.Span[0] + 1e-5f);
        Assert.Equal((x.Span[0] - mean) * inv, y.Span[0], 4);
    }
}
