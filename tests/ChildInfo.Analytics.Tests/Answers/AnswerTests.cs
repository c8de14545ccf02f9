using System.Text.Json;
using ChildInfo.Analytics.Evaluation;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Tests.Kit;
using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Rules;
using static ChildInfo.Analytics.Questions.CohortCondition;
using static ChildInfo.Analytics.Tests.Kit.SyntheticAuthority;

namespace ChildInfo.Analytics.Tests.Answers;

public sealed class AnswerTests
{
    private static readonly SyntheticAuthority Authority = new(3_000, seed: 21);
    private static readonly CohortCondition Open = Has(SocialCare, "cin_open", Analysts.Now);
    private static readonly CohortCondition Absent = Has(Education, "persistently_absent", Analysts.LastYear);
    private static readonly CohortDimension Need = CohortDimension.AgencyFact(SocialCare, "cin_primary_need", Analysts.Now);

    public static TheoryData<string, CohortQuestion> Questions => new()
    {
        { "need by ward", new CohortQuestion { AsAt = Analysts.AsAt, Condition = Open, Dimensions = [Need, CohortDimension.Index("ward")] } },
        { "linked, with a mean", new CohortQuestion { AsAt = Analysts.AsAt, Condition = All(Open, Absent), Dimensions = [CohortDimension.Index("sex")], Measure = CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear) } },
        { "a complement, with events", new CohortQuestion { AsAt = Analysts.AsAt, Condition = Not(Open), Dimensions = [CohortDimension.Index("age_band"), CohortDimension.Index("ethnicity_group")], Measure = CohortMeasure.Events(SocialCare, "referrals", Analysts.LastYear) } },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Answer_SerialisedInFull_ContainsNoChildIdAndNoLocalId(string name, CohortQuestion question)
    {
        foreach (var purpose in new[] { Analysts.ServicePlanning, Analysts.Exact })
        {
            var answer = await Analysts.Evaluator(Authority).AnswerAsync(question, purpose, TestContext.Current.CancellationToken);
            var text = JsonSerializer.Serialize(answer) + answer.Table.ToCsv();

            Assert.True(answer.Table.GrandTotal.Count.Value > 0, name);
            Assert.DoesNotContain(Authority.Children, c => text.Contains(c.Id, StringComparison.Ordinal));
            Assert.DoesNotContain(Authority.Records, r => text.Contains(r.LocalId, StringComparison.Ordinal));
            Assert.DoesNotContain("CH-", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("one agency", false, false, DisclosureRules.GatewaySuppressUpTo)]
    [InlineData("one agency grouped by the child index: the index is not counted", false, true, DisclosureRules.GatewaySuppressUpTo)]
    [InlineData("two agencies: a condition of one, a dimension of the other", true, false, DisclosureRules.GatewayLinkedSuppressUpTo)]
    public async Task Answer_LinkingTwoAgencies_UsesTheLinkedSuppressionThreshold(string name, bool linkEducation, bool byWard, int expectedThreshold)
    {
        CohortDimension second = linkEducation ? CohortDimension.AgencyFact(Education, "school_phase", Analysts.Now) : CohortDimension.Index(byWard ? "ward" : "sex");
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Open, Dimensions = [Need, second] };
        var evaluator = Analysts.Evaluator(Authority);
        var plan = await evaluator.PlanAsync(question, TestContext.Current.CancellationToken);
        var exact = await evaluator.CountAsync(plan, TestContext.Current.CancellationToken);
        var answer = await evaluator.AnswerAsync(plan, Analysts.ServicePlanning, TestContext.Current.CancellationToken);

        Assert.Equal(expectedThreshold, answer.Table.SuppressedUpTo);
        Assert.Equal(linkEducation ? 2 : 1, answer.LinkedAgencies);
        var small = exact.Cells.Select((c, i) => (c.Count, Published: answer.Table.Cells[i])).Where(p => p.Count is >= 1 and <= DisclosureRules.GatewayLinkedSuppressUpTo).ToList();
        Assert.True(small.Count > 0, name);
        Assert.All(small.Where(p => p.Count <= expectedThreshold), p => Assert.Equal(GssSymbol.Confidential, p.Published.Count.Symbol));
        if (!linkEducation)
        {
            Assert.Contains(small, p => p.Count > expectedThreshold && p.Published.Count.Symbol is null);
        }
    }

    [Fact]
    public async Task Answer_CarriesWhatTheAuditNeeds()
    {
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = All(Open, Absent), Dimensions = [Need, CohortDimension.Index("sex")] };
        var answer = await Analysts.Evaluator(Authority).AnswerAsync(question, Analysts.ServicePlanning, TestContext.Current.CancellationToken);

        Assert.Equal(question.ToCanonicalText(), answer.Question);
        Assert.Equal(Analysts.ServicePlanning, answer.Purpose);
        Assert.Equal([Education, SocialCare], answer.Agencies);
        Assert.Equal(["attendance_summary", "identifying", "linkage", "protection"], answer.Labels);
        var positions = (9 * 4) + 9 + 4 + 1;
        Assert.Equal(positions, answer.ReleasedCount + answer.SuppressedCount);
        Assert.True(answer.SuppressedCount > 0);
    }

    [Theory]
    [InlineData(CohortMeasureKind.Mean)]
    [InlineData(CohortMeasureKind.Median)]
    public async Task Answer_PublishesOnlyTheStatisticAskedFor(CohortMeasureKind kind)
    {
        var measure = new CohortMeasure(kind, Education, "attendance_rate", Analysts.LastYear);
        var answer = await Analysts.Evaluator(Authority).AnswerAsync(new CohortQuestion { AsAt = Analysts.AsAt, Dimensions = [CohortDimension.Index("sex")], Measure = measure }, Analysts.ServicePlanning, TestContext.Current.CancellationToken);

        PublishedCell[] all = [.. answer.Table.Cells, answer.Table.GrandTotal];
        Assert.All(all, c => Assert.Equal(GssSymbol.NotAvailable, (kind == CohortMeasureKind.Mean ? c.Median : c.Mean).Symbol));
        Assert.NotNull((kind == CohortMeasureKind.Mean ? answer.Table.GrandTotal.Mean : answer.Table.GrandTotal.Median).Value);
    }

    [Fact]
    public async Task Answer_SameQuestionTwice_GivesTheSameTable()
    {
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Any(Open, Absent), Dimensions = [Need, CohortDimension.Index("ward")] };
        var first = await Analysts.Evaluator(Authority).AnswerAsync(question, Analysts.ServicePlanning, TestContext.Current.CancellationToken);
        var second = await Analysts.Evaluator(Authority).AnswerAsync(question, Analysts.ServicePlanning, TestContext.Current.CancellationToken);
        Assert.Equal(first.Table.ToCsv(), second.Table.ToCsv());
    }

    [Fact]
    public async Task Answer_SourceFailure_PassesThroughAndAnswersNothing()
    {
        var evaluator = new CohortEvaluator(new FailingSource(Authority), Analysts.Disclosure);
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = All(Open, Absent) };
        await Assert.ThrowsAsync<HttpRequestException>(() => evaluator.AnswerAsync(question, Analysts.ServicePlanning, TestContext.Current.CancellationToken));
    }

    /// <summary>A source whose agency is down: every member call fails.</summary>
    private sealed class FailingSource(SyntheticAuthority inner) : ICohortSource
    {
        public Task<CohortCatalogue> CatalogueAsync(CancellationToken ct) => inner.CatalogueAsync(ct);

        public Task<IReadOnlyList<CohortMember>> MembersAsync(string agency, string fact, string? value, CohortWindow window, CancellationToken ct) =>
            Task.FromException<IReadOnlyList<CohortMember>>(new HttpRequestException("The agency did not answer."));

        public Task LinksAsync(string agency, IReadOnlyCollection<string> localIds, Action<string, string> link, CancellationToken ct) => inner.LinksAsync(agency, localIds, link, ct);

        public Task<IReadOnlyCollection<string>> WithheldAsync(string agency, IReadOnlyList<string> labels, CancellationToken ct) => inner.WithheldAsync(agency, labels, ct);

        public Task<CohortPopulation> PopulationAsync(DateOnly asAt, IReadOnlyList<string> dimensions, CancellationToken ct) => inner.PopulationAsync(asAt, dimensions, ct);
    }
}
