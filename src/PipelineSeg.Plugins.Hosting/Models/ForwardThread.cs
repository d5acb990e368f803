namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// The one thread a hosted model's guarded forwards run on, kept for the model's life so that what the engine keeps per
/// thread (pooled buffers, plans) stays warm between calls. One forward at a time, like the model itself. Stopped when
/// the model is disposed; left behind, never stopped, when a forward is abandoned.
/// </summary>
internal sealed class ForwardThread
{
    private readonly object _gate = new();
    private (Action Work, TaskCompletionSource Done)? _next;
    private bool _stopped;

    public ForwardThread(string name) => new Thread(Loop) { IsBackground = true, Name = name }.Start();

    /// <summary>Queues <paramref name="work"/>; the task ends with it (faulted with its exception).</summary>
    public Task Run(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _next = (work, done);
            Monitor.Pulse(_gate);
        }
        return done.Task;
    }

    /// <summary>Lets the thread end once it is idle.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.Pulse(_gate);
        }
    }

    private void Loop()
    {
        while (true)
        {
            (Action Work, TaskCompletionSource Done) item;
            lock (_gate)
            {
                while (_next is null && !_stopped)
                {
                    Monitor.Wait(_gate);
                }
                if (_next is not { } next)
                {
                    return;
                }
                item = next;
                _next = null;
            }
            try
            {
                item.Work();
                item.Done.SetResult();
            }
            catch (Exception e)
            {
                item.Done.SetException(e);
            }
        }
    }
}
