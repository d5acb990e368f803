using System.Runtime.ExceptionServices;

namespace PipelineSeg.Dicom.Threading;

/// <summary>
/// Parallel loops wrap whatever a body throws in an <see cref="AggregateException"/>. Callers expect the DICOM layer's
/// own exceptions (they name the file and the cause), so the loops rethrow the first inner one with its stack.
/// </summary>
internal static class ParallelFailure
{
    /// <summary>Runs <paramref name="loop"/>; an aggregate of failures is rethrown as its first inner exception.</summary>
    public static void Unwrap(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            // Prefer a cause that names a file; a cancellation only when nothing else failed.
            var first = inner.FirstOrDefault(x => x is not OperationCanceledException) ?? inner.FirstOrDefault();
            if (first is null)
            {
                throw;
            }
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
