namespace PipelineSeg.Plugins.Abstractions;

/// <summary>A plugin manifest that cannot be read or is inconsistent; the message names the file and every problem.</summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PluginManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception without a message (serialisation conventions).</summary>
    public PluginManifestException()
    {
    }
}
