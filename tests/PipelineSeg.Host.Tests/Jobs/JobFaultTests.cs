using PipelineSeg.Dicom;
using PipelineSeg.Host.Jobs;

namespace PipelineSeg.Host.Tests.Jobs;

public sealed class JobFaultTests
{
    public static TheoryData<Exception, bool> Faults => new()
    {
        { new IOException("No space left on device : '/data/results/x'", 28), true },
        { new IOException("The process cannot access the file because it is being used by another process"), true },
        { new TimeoutException("share did not answer"), true },
        { new AggregateException(new IOException("disk full"), new IOException("disk full")), true },
        { new EndOfStreamException("truncated pixel data"), false },
        { new FileNotFoundException("gone"), false },
        { new DicomException("not a DICOM file"), false },
        { new NotSupportedException("transfer syntax 1.2.840.10008.1.2.4.100 is not supported"), false },
        { new KeyNotFoundException("model 'x' is not installed"), false },
        { new AggregateException(new IOException("disk full"), new InvalidDataException("corrupt")), false },
    };

    [SkippableTheory]
    [MemberData(nameof(Faults))]
    public void IO_faults_are_transient_and_data_or_plugin_faults_permanent(Exception e, bool transient)
    {
        var fault = JobFault.From(e, "segment");
        Assert.Equal(transient, fault.Transient);
        Assert.Equal("segment", fault.Stage);
        Assert.Same(e, fault.InnerException);
    }

    [SkippableFact]
    public void A_single_wrapped_exception_is_named_by_its_own_type_and_a_fault_stays_as_it_is()
    {
        Assert.Equal(nameof(EndOfStreamException), JobFault.From(new AggregateException(new EndOfStreamException("cut")), "segment").ExceptionType);
        var original = new JobFault("output", "results could not be written", "OutputWriteFailed", transient: true);
        Assert.Same(original, JobFault.From(original, "segment"));
    }
}
