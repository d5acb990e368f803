namespace PipelineSeg.Pipeline.Applicability;

/// <summary>
/// The <c>applicability</c> block of report.json: the model card's summary, every input check (before inference) and
/// result check (after it), the worst verdict and what the pipeline's policy did about it.
/// </summary>
/// <param name="Policy">The pipeline's policy.</param>
/// <param name="Verdict">The worst verdict of all checks.</param>
/// <param name="Action">What the policy did.</param>
/// <param name="IntendedUse">The card's summary, or a note that the model has no card.</param>
/// <param name="ResearchOnly">The card's research-only flag.</param>
/// <param name="Input">Checks of the series against the card.</param>
/// <param name="Result">Plausibility checks of the result; empty before inference.</param>
public sealed record ApplicabilityReport(
    ApplicabilityPolicy Policy,
    CheckVerdict Verdict,
    ApplicabilityAction Action,
    string IntendedUse,
    bool ResearchOnly,
    IReadOnlyList<ApplicabilityCheck> Input,
    IReadOnlyList<ApplicabilityCheck> Result)
{
    /// <summary>The checks that did not pass, as one line: "name figure (expected …); …".</summary>
    public string Reason => string.Join("; ", Input.Concat(Result).Where(c => c.Verdict != CheckVerdict.Pass).Select(c => c.Message));

    /// <summary>Builds the report and applies <paramref name="policy"/> to the checks.</summary>
    public static ApplicabilityReport Decide(ApplicabilityPolicy policy, string intendedUse, bool researchOnly,
        IReadOnlyList<ApplicabilityCheck> input, IReadOnlyList<ApplicabilityCheck> result)
    {
        var all = input.Concat(result).ToList();
        var verdict = all.Count == 0 ? CheckVerdict.Pass : all.Max(c => c.Verdict);
        var refuse = policy switch
        {
            ApplicabilityPolicy.Refuse => input.Any(c => c.Verdict == CheckVerdict.Fail),
            ApplicabilityPolicy.Warn => input.Any(c => c.Verdict == CheckVerdict.Fail && c.Blocking),
            _ => false,
        };
        var action = refuse ? ApplicabilityAction.Refused
            : policy != ApplicabilityPolicy.Pass && verdict != CheckVerdict.Pass ? ApplicabilityAction.Warned
            : ApplicabilityAction.None;
        return new ApplicabilityReport(policy, verdict, action, intendedUse, researchOnly, input, result);
    }
}
