using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Tensors.Tests.Kernels;

public class SteadyStateAllocationTests
{
    [SkippableFact]
    public void Warm_kernels_allocate_no_managed_memory()
    {
        var conv3 = new Conv2dOptions(16, 16, 3, 3, PadH: 1, PadW: 1);
        var conv5 = new Conv2dOptions(16, 8, 5, 5, StrideH: 2, StrideW: 2, PadH: 2, PadW: 2);
        var up = new ConvTranspose2dOptions(16, 8, 2, 2, StrideH: 2, StrideW: 2);
        using var winograd = new Conv2dPlan(conv3, KernelAssert.Random(16 * 16 * 9, 1, 0.1f), new float[16], new Epilogue(FusedActivation.Relu));
        using var patches = new Conv2dPlan(conv5, KernelAssert.Random(8 * 16 * 25, 2, 0.1f), [], default);
        using var transposed = new ConvTranspose2dPlan(up, KernelAssert.Random(16 * 8 * 4, 3, 0.1f), new float[8], default);
        var input = KernelAssert.Random(16 * 40 * 40, 4);
        var out3 = new float[16 * 40 * 40];
        var out5 = new float[8 * 20 * 20];
        var outUp = new float[8 * 80 * 80];
        var c = new float[64 * 64];
        void RunAll()
        {
            winograd.Forward(input, 1, 40, 40, out3);
            patches.Forward(input, 1, 40, 40, out5);
            transposed.Forward(input, 1, 40, 40, outUp);
            Gemm.Multiply(false, true, 64, 64, 100, input, 100, input, 100, c, 64);
        }
        RunAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunAll();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
