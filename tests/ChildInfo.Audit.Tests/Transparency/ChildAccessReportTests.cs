using ChildInfo.Audit.Records;
using ChildInfo.Audit.Transparency;

namespace ChildInfo.Audit.Tests.Transparency;

/// <summary>
/// A child's access report counts as a view only what showed something of the child, and says everything in words a
/// child or parent can read: no codes, no role ids, no "for none", no "unidentified (unidentified, unidentified)".
/// </summary>
public sealed class ChildAccessReportTests
{
    private const string Child = "CH-0001";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static AuditRecord Record(long sequence, AuditOutcome outcome, ChildDisclosure? child = null, string user = "W0022", string role = "social_worker",
        string organisation = "Northshire Children's Services", string purpose = "child_protection", string? justification = "S47 enquiry CP-2291") => new()
    {
        Sequence = sequence,
        Time = Now.AddMinutes(sequence),
        RequestId = $"req-{sequence}",
        User = user,
        Role = role,
        Organisation = organisation,
        Purpose = purpose,
        ChildIds = [Child],
        BreakGlass = false,
        PreferenceOverridden = false,
        Outcome = outcome,
        OperationHash = "0",
        PayloadJson = "{}",
        Payload = new AuditPayload(justification, "query { child(id: \"CH-0001\") { id } }", child is null ? [] : [child], []),
        PayloadDigest = "0",
        PreviousHash = "0",
        RecordHash = "0",
    };

    private static ChildAccessReport Report(params AuditRecord[] records) =>
        new(Child, Now.AddDays(-365), Now.AddDays(1), records, ChildAccessSummary.From(Child, TimeSpan.FromDays(365), records));

    private static readonly ChildDisclosure Shown = new(Child, [new DisclosedField("Child.surname", "identifying", "child-index")], []);

    private static readonly ChildDisclosure OutsideScope = new(Child, [],
        [new WithheldField("Query.child", null, "child-index", "OUTSIDE_SCOPE", "Outside the caller's record scope (own_caseload).")]);

    [Fact]
    public void Report_SaysHowCountsUseTheChildsInformation_WithoutListingThem()
    {
        var text = Report(Record(1, AuditOutcome.Ok, Shown)).ToText();

        Assert.EndsWith(ChildAccessReport.CountsNotice + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Contains("never name you", ChildAccessReport.CountsNotice, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestAnsweredWithNothingOfTheChild_OutsideScope_IsNotAView_AndSaysWhyInPlainWords()
    {
        var report = Report(Record(1, AuditOutcome.Partial, OutsideScope));
        var text = report.ToText();

        Assert.Equal(0, report.Summary.Viewed);
        Assert.Equal(1, report.Summary.Refused);
        Assert.Contains("Nobody viewed your information", text, StringComparison.Ordinal);
        Assert.Contains("W0022 (a social worker at Northshire Children's Services) asked to see your information to keep you safe from harm (child protection). Nothing about you was shown, because you are not one of the children they work with.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Services) looked at your information", text, StringComparison.Ordinal);
        Assert.DoesNotContain("own_caseload", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Query.child", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnonymousRequest_SaysSomeoneWhoCouldNotBeIdentified()
    {
        var text = Report(Record(1, AuditOutcome.Denied, user: AuditCallers.Unidentified, role: AuditCallers.Unidentified,
            organisation: AuditCallers.Unidentified, purpose: AuditPurposes.None, justification: null)).ToText();

        Assert.Contains("someone who could not be identified asked to see your information without saying why. This was refused, and nothing was shown.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unidentified", text, StringComparison.Ordinal);
        Assert.DoesNotContain("for none", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_CountOnlyWhatShowedSomethingOfTheChild()
    {
        var report = Report(
            Record(1, AuditOutcome.Ok, Shown),
            Record(2, AuditOutcome.Partial, OutsideScope),
            Record(3, AuditOutcome.Ok, child: null),
            Record(4, AuditOutcome.Denied, Shown),
            Record(5, AuditOutcome.Error, Shown),
            Record(6, AuditOutcome.Ok, Shown, user: "dsl.patel", role: "school_dsl", organisation: "Northam Grange School", purpose: "education_welfare"));

        Assert.Equal(2, report.Summary.Viewed);
        Assert.Equal(4, report.Summary.Refused);
        Assert.Equal(
            "Your information was viewed twice in the last year, by these organisations: Northam Grange School (once); Northshire Children's Services (once), " +
            "for these reasons: to keep you safe from harm (child protection) (once); to support your school attendance and education (once). " +
            "4 more requests were refused, failed or found nothing of yours to show, so nothing was shown.",
            report.Summary.ToText());
        Assert.Contains("dsl.patel (the safeguarding lead at a school at Northam Grange School) looked at your information", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRoleAndSourceOfTheSampleSet_InWords_NeverACode()
    {
        string[] roles = ["social_worker", "team_manager", "school_dsl", "education_welfare_officer", "early_help_worker", "vcs_keyworker", "health_visitor", "la_analyst", "data_protection_officer", "researcher"];
        string[] sources = ["child-index", "education", "early-years", "social-care", "voluntary-sector", "youth-justice"];

        Assert.All(roles, r => Assert.DoesNotContain("_", PlainWords.Role(r), StringComparison.Ordinal));
        Assert.All(roles, r => Assert.NotEqual(PlainWords.Spell(r), PlainWords.Role(r)));
        Assert.All(sources, s => Assert.NotEqual(PlainWords.Spell(s), PlainWords.Source(s)));
    }

    [Fact]
    public void PolicyReasonEndingInAFullStop_IsNotDoubled()
    {
        var withheld = new ChildDisclosure(Child, [new DisclosedField("Child.surname", "identifying", "child-index")],
            [new WithheldField("SocialCareChild.notes", "notes", "social-care", "SOME_NEW_RULE", "A rule the report has no words for yet.")]);

        var text = Report(Record(1, AuditOutcome.Partial, withheld)).ToText();

        Assert.Contains("They were not shown workers' notes (from children's social care records), A rule the report has no words for yet.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("..", text, StringComparison.Ordinal);
    }

    /// <summary>A recording as the audit records it: what it wrote is shown back to the recorder; a refused one shows nothing.</summary>
    private static ChildDisclosure Recording(bool written) => new(Child, written ? [new DisclosedField("DataUsePreference.statement", "preference", "social-care")] : [], [])
    {
        Recorded = [new RecordedField("Mutation.recordDataUseWish", "preference", "social-care", written)],
    };

    [Fact]
    public void AWrittenRecording_IsToldAsRecorded_InPlainWords_AndCountedApartFromViews()
    {
        var report = Report(Record(1, AuditOutcome.Ok, Recording(written: true), purpose: "child_in_need", justification: "CIN review CIN-5521"), Record(2, AuditOutcome.Ok, Shown));
        var text = report.ToText();

        Assert.Contains("W0022 (a social worker at Northshire Children's Services) recorded a wish of yours or your family's about how your information is shared (in children's social care records), to plan support for you and your family (child in need).", text, StringComparison.Ordinal);
        Assert.Contains("The reason they gave: \"CIN review CIN-5521\".", text, StringComparison.Ordinal);
        Assert.Equal(1, report.Summary.Viewed);
        Assert.Equal(1, report.Summary.Recorded);
        Assert.Equal(0, report.Summary.Refused);
        Assert.Contains("Something was recorded on your behalf once", report.Summary.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain("recordDataUseWish", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AuditOutcome.Partial, "This was refused")]
    [InlineData(AuditOutcome.Denied, "This was refused")]
    [InlineData(AuditOutcome.Error, "The request failed")]
    public void ARecordingNotWritten_IsToldAsAskedAndNotRecorded_AndIsNeitherAViewNorARecording(AuditOutcome outcome, string why)
    {
        var report = Report(Record(1, outcome, Recording(written: false)));
        var text = report.ToText();

        Assert.Contains($"asked to record a wish of yours or your family's about how your information is shared (in children's social care records), to keep you safe from harm (child protection). {why}, and nothing of it was recorded.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(") recorded ", text, StringComparison.Ordinal);
        Assert.Equal(0, report.Summary.Viewed);
        Assert.Equal(0, report.Summary.Recorded);
        Assert.Equal(1, report.Summary.Refused);
    }

    [Fact]
    public void ARecordingWrittenInARequestThatThenFailed_IsNotToldAsRecorded()
    {
        var text = Report(Record(1, AuditOutcome.Error, Recording(written: true))).ToText();

        Assert.Contains("The request failed, so it may not have been recorded.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(") recorded ", text, StringComparison.Ordinal);
    }
}
