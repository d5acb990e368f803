using System.Diagnostics;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Stages;

public sealed class StageThreadsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Makes the numbers 0 … count − 1, records on which thread, and fails or waits where a test asks.</summary>
    private sealed class CountingSource(int count, int failAt = -1, Action<int>? onMake = null) : IStageSource<int[]>
    {
        private int _next;

        public HashSet<int> Threads { get; } = [];

        public bool Disposed { get; private set; }

        public int Made => Volatile.Read(ref _next);

        public int[]? Next()
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            if (_next == failAt)
            {
                throw new InvalidDataException($"input {failAt} is unreadable");
            }
            onMake?.Invoke(_next);
            return _next < count ? [Interlocked.Increment(ref _next) - 1] : null;
        }

        public void Dispose() => Disposed = true;
    }

    [SkippableFact]
    public async Task Every_input_is_inferred_on_one_thread_and_consumed_in_order_on_the_other()
    {
        var source = new CountingSource(50);
        var (inferThreads, consumeThreads, consumed) = (new HashSet<int>(), new HashSet<int>(), new List<int>());

        await StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            inferThreads.Add(Environment.CurrentManagedThreadId);
            return [input[0] * 10];
        }, output =>
        {
            consumeThreads.Add(Environment.CurrentManagedThreadId);
            consumed.Add(output[0]);
        }, inputCapacity: 1, outputCapacity: 2).WaitAsync(Limit);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => i * 10), consumed);
        Assert.Single(inferThreads);
        Assert.Single(consumeThreads);
        Assert.Equal(consumeThreads, source.Threads); // making inputs and consuming outputs share the side thread
        Assert.NotEqual(inferThreads.Single(), consumeThreads.Single());
        Assert.True(source.Disposed);
    }

    [SkippableTheory]
    [InlineData(1, 2)]
    [InlineData(3, 1)]
    public async Task Inputs_and_outputs_in_flight_stay_within_the_capacities(int inputCapacity, int outputCapacity)
    {
        var (inferred, consumed, maxAhead, maxWaiting) = (0, 0, 0, 0);
        var source = new CountingSource(40, onMake: made => maxAhead = Math.Max(maxAhead, made - Volatile.Read(ref inferred)));

        await StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            Thread.Sleep(2); // a slow model: the side thread runs ahead as far as it may
            Interlocked.Increment(ref inferred);
            maxWaiting = Math.Max(maxWaiting, Volatile.Read(ref inferred) - Volatile.Read(ref consumed));
            return input;
        }, _ =>
        {
            Thread.Sleep(1);
            Interlocked.Increment(ref consumed);
        }, inputCapacity, outputCapacity).WaitAsync(Limit);

        Assert.Equal(40, consumed);
        Assert.InRange(maxAhead, 1, inputCapacity + 1); // waiting + the one being inferred
        Assert.InRange(maxWaiting, 1, outputCapacity + 1); // waiting + the one being consumed
    }

    [SkippableFact]
    public async Task An_input_capacity_of_0_makes_each_input_only_once_the_model_waits_for_it()
    {
        var inferred = 0;
        var ahead = new List<int>();
        var source = new CountingSource(20, onMake: made => ahead.Add(made - Volatile.Read(ref inferred)));

        await StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            Thread.Sleep(1);
            Interlocked.Increment(ref inferred);
            return input;
        }, _ => { }, inputCapacity: 0, outputCapacity: 2).WaitAsync(Limit);

        Assert.All(ahead, a => Assert.Equal(0, a)); // made in turn: the previous input is already inferred
    }

    [SkippableFact]
    public async Task A_source_failure_stops_both_threads_and_is_rethrown_as_it_was()
    {
        var source = new CountingSource(100, failAt: 7);
        var inferred = 0;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            Interlocked.Increment(ref inferred);
            return input;
        }, _ => { }, 1, 2).WaitAsync(Limit));

        Assert.Equal("input 7 is unreadable", error.Message);
        Assert.InRange(inferred, 0, 7);
        Assert.True(source.Disposed);
    }

    [SkippableFact]
    public async Task A_model_failure_stops_the_side_thread_and_is_rethrown()
    {
        var source = new CountingSource(1000);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StageThreads<int[], int[]>.RunAsync(source,
            input => input[0] == 5 ? throw new InvalidOperationException("model failed on 5") : input, _ => { }, 1, 2).WaitAsync(Limit));

        Assert.Equal("model failed on 5", error.Message);
        Assert.InRange(source.Made, 6, 8); // stopped making inputs
        Assert.True(source.Disposed);
    }

    [SkippableFact]
    public async Task A_consumer_failure_stops_the_model_even_when_it_waits_for_room()
    {
        var source = new CountingSource(1000);
        var inferred = 0;

        var error = await Assert.ThrowsAsync<FormatException>(() => StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            Interlocked.Increment(ref inferred);
            return input;
        }, output => throw new FormatException($"cannot label {output[0]}"), 1, 1).WaitAsync(Limit));

        Assert.Equal("cannot label 0", error.Message);
        Assert.InRange(inferred, 1, 4);
        Assert.True(source.Disposed);
    }

    [SkippableFact]
    public async Task Cancelling_while_the_model_runs_stops_both_threads()
    {
        using var cancel = new CancellationTokenSource();
        var source = new CountingSource(1000);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            if (input[0] == 3)
            {
                cancel.Cancel();
            }
            return input;
        }, _ => { }, 1, 2, cancel.Token).WaitAsync(Limit));

        Assert.InRange(source.Made, 4, 6);
        Assert.True(source.Disposed);
    }

    [SkippableFact]
    public async Task A_model_that_fails_after_the_cancellation_is_the_cause_not_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var source = new CountingSource(1000);

        // a forward that does not stop in time and is abandoned (HostedModel) fails with its own error a moment later
        var error = await Assert.ThrowsAsync<TimeoutException>(() => StageThreads<int[], int[]>.RunAsync(source, input =>
        {
            if (input[0] == 2)
            {
                cancel.Cancel();
                Thread.Sleep(200); // meanwhile the side thread sees the cancellation and stops
                throw new TimeoutException("forward did not return in time");
            }
            return input;
        }, _ => { }, 1, 2, cancel.Token).WaitAsync(Limit));

        Assert.Equal("forward did not return in time", error.Message);
        Assert.True(source.Disposed);
    }

    [SkippableFact]
    public async Task Cancelling_while_both_threads_wait_wakes_them()
    {
        using var cancel = new CancellationTokenSource();
        using var blocked = new ManualResetEventSlim();
        var source = new CountingSource(1000, onMake: made =>
        {
            if (made == 2)
            {
                blocked.Set();
                cancel.Token.WaitHandle.WaitOne(Limit); // a source stuck in a read until cancelled
            }
        });

        var run = StageThreads<int[], int[]>.RunAsync(source, input => input, _ => { }, 1, 2, cancel.Token);
        Assert.True(blocked.Wait(Limit));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Limit));
        Assert.True(source.Disposed);
    }

    [SkippableFact]
    public void Inputs_handed_back_are_reused_so_a_long_series_needs_only_a_few_tensors()
    {
        using var model = new ThresholdModel(size: 16);
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, "threshold");
        var seen = new HashSet<float[]>(ReferenceEqualityComparer.Instance);
        var count = 0;

        using var source = new PreparedSlabSource(new InMemoryVolumeSource(SyntheticVolumes.Blocks(n: 32, depth: 40)), preprocessor, 2, new Stopwatch(), default);
        while (source.Next() is { } input)
        {
            seen.Add(input.Input);
            count++;
            input.Release?.Invoke();
        }

        Assert.Equal(20, count);
        Assert.Single(seen);
    }

    [SkippableFact]
    public async Task A_source_that_fails_fails_the_pipeline_with_its_own_error()
    {
        using var model = new ThresholdModel(size: 16);
        var source = new FailingVolumeSource(new InMemoryVolumeSource(SyntheticVolumes.Blocks(n: 32, depth: 12)), failAtSlab: 3);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], 2, prefetchSlabs: 1).RunAsync(source));

        Assert.Equal("slab 3 is unreadable", error.Message);
        Assert.InRange(model.Calls, 1, 3);
    }
}
