namespace PipelineSeg.Host.Jobs;

/// <summary>Why a job attempt failed, classified: transient faults are retried, permanent ones fail the job at once.</summary>
internal sealed class JobFault : Exception
{
    public JobFault(string stage, string reason, string exceptionType, bool transient, Exception? inner = null)
        : base(reason, inner)
    {
        Stage = stage;
        ExceptionType = exceptionType;
        Transient = transient;
    }

    public JobFault()
        : this("unknown", "job failed", nameof(JobFault), transient: false)
    {
    }

    public JobFault(string message)
        : this("unknown", message, nameof(JobFault), transient: false)
    {
    }

    public JobFault(string message, Exception innerException)
        : this("unknown", message, innerException?.GetType().Name ?? nameof(JobFault), transient: false, innerException)
    {
    }

    /// <summary>Where it failed: claim, segment, output, finish.</summary>
    public string Stage { get; }

    /// <summary>The type name of the underlying exception (or the batch's failure kind).</summary>
    public string ExceptionType { get; }

    /// <summary>True for faults worth retrying (I/O, disk full, a locked file).</summary>
    public bool Transient { get; }

    /// <summary>A transient or permanent fault for <paramref name="e"/> raised in <paramref name="stage"/>.</summary>
    public static JobFault From(Exception e, string stage)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e as JobFault ?? new JobFault(stage, Describe(e), (e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e).GetType().Name, IsTransient(e), e);
    }

    /// <summary>
    /// I/O failures are transient (disk full, a locked or busy file, a share that dropped out) except those that say
    /// the input itself is short or missing (truncated file, no such file): retrying cannot help those.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        AggregateException a => a.Flatten().InnerExceptions.All(IsTransient),
        EndOfStreamException or FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException or TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception e) => e is AggregateException a
        ? string.Join("; ", a.Flatten().InnerExceptions.Select(i => i.Message).Distinct(StringComparer.Ordinal))
        : e.Message;
}
