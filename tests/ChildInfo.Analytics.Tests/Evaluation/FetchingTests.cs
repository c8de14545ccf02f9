using ChildInfo.Analytics.Evaluation;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Tests.Kit;
using ChildInfo.Analytics.Validation;
using static ChildInfo.Analytics.Questions.CohortCondition;
using static ChildInfo.Analytics.Tests.Kit.SyntheticAuthority;

namespace ChildInfo.Analytics.Tests.Evaluation;

/// <summary>What a question asks of the agencies: each list once, one link call per agency, bounded parallelism, bounded size.</summary>
public sealed class FetchingTests
{
    private static readonly CohortCondition Open = Has(SocialCare, "cin_open", Analysts.Now);
    private static readonly CohortCondition Absent = Has(Education, "persistently_absent", Analysts.LastYear);
    private static readonly CohortCondition Ehcp = Has(Education, "sen_status", Analysts.Now, "EHCP");

    private static readonly CohortQuestion Broad = new()
    {
        AsAt = Analysts.AsAt,
        Condition = Any(All(Open, Absent), All(Ehcp, Not(Open)), Has(SocialCare, "looked_after_ever", CohortWindow.None)),
        Dimensions = [CohortDimension.AgencyFact(Education, "school_phase", Analysts.Now)],
        Measure = CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear),
    };

    [Fact]
    public async Task Answer_SameFactTwice_IsFetchedOnce()
    {
        var authority = new SyntheticAuthority(500, seed: 1);
        await Analysts.Evaluator(authority).AnswerAsync(new CohortQuestion { AsAt = Analysts.AsAt, Condition = All(Open, Any(Open, Absent), Not(Absent)) }, Analysts.ServicePlanning, TestContext.Current.CancellationToken);

        Assert.Equal(1, authority.MemberCalls.Count(c => c.Fact == "cin_open"));
        Assert.Equal(1, authority.MemberCalls.Count(c => c.Fact == "persistently_absent"));
    }

    [Fact]
    public async Task Answer_LinksEachAgencyOnce_WithDistinctIdsFromConditionsDimensionAndMeasure()
    {
        var authority = new SyntheticAuthority(500, seed: 2);
        await Analysts.Evaluator(authority).AnswerAsync(Broad, Analysts.ServicePlanning, TestContext.Current.CancellationToken);

        Assert.Equal([Education, SocialCare], authority.LinkCalls.Select(c => c.Agency).Order());
        var education = authority.LinkCalls.Single(c => c.Agency == Education).LocalIds;
        Assert.Equal(education.Count, education.Distinct().Count());
        // The same records satisfy several of the question's education facts: without deduplication they would repeat.
        Assert.True(authority.MemberCalls.Count(c => c.Agency == Education) >= 3);
        Assert.All(authority.Records.Where(r => r.Agency == Education && r.ActiveOn(Analysts.AsAt)), r => Assert.Contains(r.LocalId, education));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Answer_AgencyCallsInFlight_NeverExceedTheBound(int bound)
    {
        var authority = new SyntheticAuthority(300, seed: 3);
        await Analysts.Evaluator(authority, new CohortOptions { MaxConcurrentFetches = bound }).AnswerAsync(Broad, Analysts.ServicePlanning, TestContext.Current.CancellationToken);

        Assert.True(authority.MemberCalls.Count > bound);
        Assert.InRange(authority.MostInFlight, 1, bound);
    }

    [Fact]
    public async Task Answer_MemberListsPastTheKeyBound_AreRefusedWithTheirOwnCode_BeforeAnyLinking()
    {
        var authority = new SyntheticAuthority(1_000, seed: 4);
        var needed = await KeysNeeded(authority, Broad);

        var atTheBound = Analysts.Evaluator(authority, new CohortOptions { MaxMemberKeys = needed });
        var answer = await atTheBound.AnswerAsync(Broad, Analysts.ServicePlanning, TestContext.Current.CancellationToken);
        Assert.NotNull(answer.Table);

        var refused = new SyntheticAuthority(1_000, seed: 4);
        var overTheBound = Analysts.Evaluator(refused, new CohortOptions { MaxMemberKeys = needed - 1 });
        var error = await Assert.ThrowsAsync<CohortQuestionException>(() => overTheBound.AnswerAsync(Broad, Analysts.ServicePlanning, TestContext.Current.CancellationToken));

        Assert.Equal(CohortErrorCodes.TooManyKeys, error.Code);
        Assert.DoesNotContain(error.Message, char.IsDigit);
        Assert.Empty(refused.LinkCalls);
    }

    [Fact]
    public void Options_DefaultBound_IsFiveMillionKeys_AndNonsenseIsRefused()
    {
        Assert.Equal(5_000_000, new CohortOptions().MaxMemberKeys);
        Assert.Throws<ArgumentException>(() => Analysts.Evaluator(new SyntheticAuthority(10, seed: 1), new CohortOptions { MaxMemberKeys = 0 }));
        Assert.Throws<ArgumentException>(() => Analysts.Evaluator(new SyntheticAuthority(10, seed: 1), new CohortOptions { MaxConcurrentFetches = 0 }));
    }

    [Fact]
    public async Task Count_ASourceListingAChildTwiceOrLinkingIdsNotAsked_CountsEachChildOnce()
    {
        var authority = new SyntheticAuthority(800, seed: 6);
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Not(Open), Dimensions = [CohortDimension.Index("sex")] };
        var clean = Analysts.Evaluator(authority);
        var sloppy = Analysts.Evaluator(new SloppySource(authority));

        var expected = await clean.CountAsync(await clean.PlanAsync(question, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var counted = await sloppy.CountAsync(await sloppy.PlanAsync(question, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(expected.Cells, counted.Cells);
        Assert.Equal(expected.GrandTotal, counted.GrandTotal);
    }

    /// <summary>
    /// The synthetic authority with untidy answers: every child listed twice, a child with no id, empty member rows, and
    /// links for ids that were not asked.
    /// </summary>
    private sealed class SloppySource(SyntheticAuthority inner) : ICohortSource
    {
        public Task<CohortCatalogue> CatalogueAsync(CancellationToken ct) => inner.CatalogueAsync(ct);

        public async Task<IReadOnlyList<CohortMember>> MembersAsync(string agency, string fact, string? value, CohortWindow window, CancellationToken ct) =>
            [.. await inner.MembersAsync(agency, fact, value, window, ct), new CohortMember(""), null!];

        public async Task LinksAsync(string agency, IReadOnlyCollection<string> localIds, Action<string, string> link, CancellationToken ct)
        {
            await inner.LinksAsync(agency, localIds, link, ct);
            // Links for ids nobody asked about, and empty ones: a child must not be counted through them.
            link("NOT-ASKED", inner.Children[0].Id);
            link(null!, null!);
        }

        public Task<IReadOnlyCollection<string>> WithheldAsync(string agency, IReadOnlyList<string> labels, CancellationToken ct) => inner.WithheldAsync(agency, labels, ct);

        public async Task<CohortPopulation> PopulationAsync(DateOnly asAt, IReadOnlyList<string> dimensions, CancellationToken ct)
        {
            var children = await inner.PopulationAsync(asAt, dimensions, ct);
            return new CohortPopulation([.. children.ChildIds, .. children.ChildIds.Reverse(), "", null],
                [.. children.Columns.Select(c => (IReadOnlyList<string?>)[.. c, .. c.Reverse(), "M", "M"])]);
        }
    }

    /// <summary>The keys a question's member lists hold, counted by asking the source for each list directly.</summary>
    private static async Task<int> KeysNeeded(SyntheticAuthority authority, CohortQuestion question)
    {
        var plan = CohortQuestionValidator.Validate(question, authority.Catalogue);
        var total = 0;
        foreach (var request in plan.Requests)
        {
            total += (await authority.MembersAsync(request.Agency, request.Fact, request.Value, request.Window, TestContext.Current.CancellationToken)).Count;
        }
        return total;
    }
}
