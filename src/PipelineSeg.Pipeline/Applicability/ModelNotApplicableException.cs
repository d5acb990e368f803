namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// A series refused by the model card under the pipeline's policy. It is an <see cref="InvalidOperationException"/>
/// (running this model on this series is not a valid operation), so the batch quarantines it like other input errors.
/// </summary>
public sealed class ModelNotApplicableException : InvalidOperationException
{
    /// <summary>Creates the exception; the message lists every failed check.</summary>
    public ModelNotApplicableException(string modelId, ApplicabilityReport report)
        : base($"refused by the model card of '{modelId}' (applicability policy {report?.Policy.ToString().ToLowerInvariant()}): {report?.Reason}")
    {
        Report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>Creates an exception without a report (serialisation conventions).</summary>
    public ModelNotApplicableException()
    {
    }

    /// <summary>Creates an exception without a report (serialisation conventions).</summary>
    public ModelNotApplicableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception without a report (serialisation conventions).</summary>
    public ModelNotApplicableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The checks that led to the refusal; null only for the convention constructors.</summary>
    public ApplicabilityReport? Report { get; }
}
