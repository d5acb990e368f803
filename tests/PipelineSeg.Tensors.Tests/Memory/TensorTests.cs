using PipelineSeg.Tensors;

namespace PipelineSeg.Tensors.Tests.Memory;

public sealed class TensorTests
{
    [SkippableFact]
    public unsafe void Memory_is_64_byte_aligned_and_recycled_by_the_pool()
    {
        using var pool = new TensorPool();
        var a = Tensor.Empty(pool, 1, 3, 17, 19);
        Assert.Equal(0, (long)a.Pointer % 64);
        var address = (nint)a.Pointer;
        a.Dispose();
        using var b = Tensor.Empty(pool, 3, 17, 19);
        Assert.Equal(address, (nint)b.Pointer);
        Assert.Equal(0, pool.PooledBytes);
    }

    [SkippableFact]
    public void Views_share_memory_and_keep_it_alive()
    {
        using var pool = new TensorPool();
        var t = Tensor.Empty(pool, 1, 4, 2, 2);
        for (var i = 0; i < t.Length; i++)
        {
            t.Span[i] = i;
        }
        using var channels = t.Narrow(1, 1, 2);
        using var flat = t.Reshape(-1);
        t.Dispose();
        Assert.Equal([1, 2, 2, 2], channels.Shape.ToArray());
        Assert.Equal(4f, channels.Span[0]);
        Assert.Equal(11f, channels.Span[^1]);
        Assert.Equal(16, flat.Length);
        channels.Span[0] = -1;
        Assert.Equal(-1f, flat.Span[4]);
        Assert.Equal(0, pool.PooledBytes);
    }

    [SkippableFact]
    public void Narrow_refuses_non_contiguous_views()
    {
        using var t = Tensor.Zeros(2, 4, 3, 3);
        Assert.Throws<NotSupportedException>(() => t.Narrow(1, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Narrow(0, 1, 2));
    }

    [SkippableFact]
    public void Dispose_is_idempotent_and_use_after_dispose_throws()
    {
        var t = Tensor.FromArray([1f, 2f], 2);
        t.Dispose();
        t.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => t.Span.Length);
    }

    [SkippableFact]
    public void Reshape_checks_element_count_and_infers_minus_one()
    {
        using var t = Tensor.Zeros(2, 3, 4);
        using var r = t.Reshape(6, -1);
        Assert.Equal([6, 4], r.Shape.ToArray());
        Assert.Throws<ArgumentException>(() => t.Reshape(5, 5));
        Assert.Throws<ArgumentException>(() => Tensor.FromArray([1f, 2f, 3f], 2, 2));
    }

    [SkippableTheory]
    [InlineData(1, 64)]
    [InlineData(4097, 5120)]
    [InlineData(8192, 8192)]
    [InlineData(8193, 10240)]
    public void Size_classes_waste_at_most_a_quarter(long request, long expected) =>
        Assert.Equal(expected, TensorPool.SizeClass(request));

    [SkippableFact]
    public void Pool_frees_instead_of_hoarding_beyond_its_cap()
    {
        using var pool = new TensorPool { MaxPooledBytes = 64 * 1024 };
        var big = Tensor.Empty(pool, 32 * 1024);
        var small = Tensor.Empty(pool, 1024);
        big.Dispose();
        small.Dispose();
        Assert.Equal(1024 * sizeof(float), pool.PooledBytes);
        Assert.Equal(1024 * sizeof(float), pool.AllocatedBytes);
        pool.Trim();
        Assert.Equal(0, pool.AllocatedBytes);
    }
}
