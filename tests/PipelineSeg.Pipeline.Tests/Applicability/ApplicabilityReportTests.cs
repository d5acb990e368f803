using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Tests.Applicability;

public sealed class ApplicabilityReportTests
{
    private static readonly ApplicabilityCheck Ok = new("plane", null, "axial", "axial", CheckVerdict.Pass, "ok");
    private static readonly ApplicabilityCheck Spacing = new("inPlaneSpacing", null, "0.57 mm", "1–3 mm", CheckVerdict.Fail, "spacing outside");
    private static readonly ApplicabilityCheck Modality = new ApplicabilityCheck("modality", null, "MR", "CT", CheckVerdict.Fail, "modality MR") with { Blocking = true };
    private static readonly ApplicabilityCheck Volume = new("segmentVolume", "liver", "533 mL", "1–10 mL", CheckVerdict.Fail, "liver volume");

    [SkippableTheory]
    [InlineData(ApplicabilityPolicy.Pass, ApplicabilityAction.None)]
    [InlineData(ApplicabilityPolicy.Warn, ApplicabilityAction.Warned)]
    [InlineData(ApplicabilityPolicy.Refuse, ApplicabilityAction.Refused)]
    public void An_input_failure_is_recorded_warned_or_refused_by_policy(ApplicabilityPolicy policy, ApplicabilityAction action)
    {
        var report = ApplicabilityReport.Decide(policy, "card", true, [Ok, Spacing], []);
        Assert.Equal(CheckVerdict.Fail, report.Verdict);
        Assert.Equal(action, report.Action);
        Assert.Equal("spacing outside", report.Reason);
    }

    [SkippableFact]
    public void A_wrong_modality_is_refused_under_warn_too()
    {
        Assert.Equal(ApplicabilityAction.Refused, ApplicabilityReport.Decide(ApplicabilityPolicy.Warn, "card", true, [Modality], []).Action);
        Assert.Equal(ApplicabilityAction.None, ApplicabilityReport.Decide(ApplicabilityPolicy.Pass, "card", true, [Modality], []).Action);
    }

    [SkippableFact]
    public void Result_flags_warn_but_never_refuse()
    {
        var report = ApplicabilityReport.Decide(ApplicabilityPolicy.Refuse, "card", true, [Ok], [Volume]);
        Assert.Equal(ApplicabilityAction.Warned, report.Action);
        Assert.Equal("liver volume", report.Reason);
    }

    [SkippableFact]
    public void All_passing_checks_need_no_action_and_leave_the_SEG_as_it_was()
    {
        var report = ApplicabilityReport.Decide(ApplicabilityPolicy.Warn, "card", true, [Ok], []);
        Assert.Equal((CheckVerdict.Pass, ApplicabilityAction.None), (report.Verdict, report.Action));
        Assert.Null(ApplicabilityNote.For(report));
        Assert.Equal("m 1.0", ApplicabilityNote.ContentDescription("m 1.0", ApplicabilityNote.For(report)));
    }

    [SkippableFact]
    public void The_SEG_note_leads_and_fits_a_DICOM_LO()
    {
        var warned = ApplicabilityReport.Decide(ApplicabilityPolicy.Warn, "card", true, [Spacing], []);
        var text = ApplicabilityNote.ContentDescription(new string('m', 80), ApplicabilityNote.For(warned));
        Assert.StartsWith("WARNING outside model card", text, StringComparison.Ordinal);
        Assert.Equal(64, text.Length);
    }
}
