using PipelineSeg.Dicom;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// The two calls the series processor makes: <see cref="BeforeInference"/> (cheap: header, geometry and up to 16 slices)
/// and <see cref="AfterInference"/> (on the byte label map). A model without a card gets one warning that nothing was
/// checked.
/// </summary>
public static class ApplicabilityGate
{
    /// <summary>Checks the series against the model card; throws <see cref="ModelNotApplicableException"/> when the policy refuses it.</summary>
    public static ApplicabilityState BeforeInference(DicomSeries series, ModelManifest model, PipelineDefinition pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pipeline);
        var policy = pipeline.Applicability;
        if (model.IntendedUse is not { } card)
        {
            IReadOnlyList<ApplicabilityCheck> none = [new ApplicabilityCheck("modelCard", null, "none", "intendedUse", CheckVerdict.Warn,
                $"model '{model.Id}' has no model card (intendedUse): nothing was checked")];
            return new ApplicabilityState(ApplicabilityReport.Decide(policy, "not stated", false, none, []), null);
        }
        var sample = card.Intensity is { } histogram
            ? IntensitySampler.Sample(series, histogram, model.Input.Intensity, cancellationToken)
            : null;
        var input = InputChecks.Evaluate(SeriesFactsReader.Read(series), card, sample, pipeline.MaxHistogramDistance);
        var report = ApplicabilityReport.Decide(policy, card.Summary, card.ResearchOnly, input, []);
        return report.Action == ApplicabilityAction.Refused
            ? throw new ModelNotApplicableException(model.Id, report)
            : new ApplicabilityState(report, sample);
    }

    /// <summary>Adds the result checks of <paramref name="labels"/> and decides again.</summary>
    public static ApplicabilityReport AfterInference(ApplicabilityState state, Volume<byte> labels, ModelManifest model)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        var before = state.Report;
        var result = ResultChecks.Evaluate(labels, model.Output.Classes, model.IntendedUse, state.Sample);
        return ApplicabilityReport.Decide(before.Policy, before.IntendedUse, before.ResearchOnly, before.Input, result);
    }
}
