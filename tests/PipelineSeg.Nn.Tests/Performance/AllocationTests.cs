using PipelineSeg.Nn.Tests.Networks;
using PipelineSeg.Tensors;
using Xunit.Abstractions;

namespace PipelineSeg.Nn.Tests.Performance;

[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>
/// Issue 3: after warm-up, one forward of a 512×512 slice allocates under 1 MB of managed memory. Runs alone
/// (no parallel tests) so the process-wide figure, which includes the kernels' worker threads, is meaningful.
/// </summary>
[Collection(nameof(AllocationCollection))]
public sealed class AllocationTests(ITestOutputHelper output)
{
    private const long Budget = 1 << 20;

    [SkippableFact]
    public void Unet_forward_of_a_512_slice_allocates_under_1_MB_after_warm_up()
    {
        using var net = new MiniUNet(cin: 1, classes: 2, baseWidth: 4, depth: 4);
        using var input = Tensor.Empty(1, 1, 512, 512);
        var random = new Random(3);
        foreach (ref var v in input.Span)
        {
            v = random.NextSingle();
        }
        net.Forward(input).Dispose(); // warm-up: plans and pooled buffers
        var thread = GC.GetAllocatedBytesForCurrentThread();
        var process = GC.GetTotalAllocatedBytes(precise: true);
        using (var result = net.Forward(input))
        {
            Assert.Equal([1, 2, 512, 512], result.Shape.ToArray());
        }
        var threadBytes = GC.GetAllocatedBytesForCurrentThread() - thread;
        var processBytes = GC.GetTotalAllocatedBytes(precise: true) - process;
        output.WriteLine($"managed allocation per 512×512 forward: calling thread {threadBytes:N0} B, all threads {processBytes:N0} B");
        Assert.True(threadBytes < Budget, $"calling thread allocated {threadBytes:N0} bytes");
        Assert.True(processBytes < Budget, $"all threads allocated {processBytes:N0} bytes");
    }
}
