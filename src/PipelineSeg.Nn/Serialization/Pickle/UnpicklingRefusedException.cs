namespace PipelineSeg.Nn;

/// <summary>A pickle asked for something the restricted unpickler does not allow (a global off the allow-list, an
/// opcode that builds arbitrary objects); nothing from the stream was executed.</summary>
public sealed class UnpicklingRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnpicklingRefusedException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public UnpicklingRefusedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and a cause.</summary>
    public UnpicklingRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
