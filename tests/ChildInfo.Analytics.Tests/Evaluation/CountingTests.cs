using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Tests.Kit;
using ChildInfo.Disclosure.Tables;
using static ChildInfo.Analytics.Questions.CohortCondition;
using static ChildInfo.Analytics.Tests.Kit.SyntheticAuthority;

namespace ChildInfo.Analytics.Tests.Evaluation;

/// <summary>Exact counts (before disclosure control) against a child-by-child count over the synthetic authority.</summary>
public sealed class CountingTests
{
    private static readonly SyntheticAuthority Authority = new(3_000, seed: 11);

    private static readonly CohortCondition OnPlan = Has(SocialCare, "cp_plan", Analysts.Now);
    private static readonly CohortCondition Absent = Has(Education, "persistently_absent", Analysts.LastYear);
    private static readonly CohortCondition Ehcp = Has(Education, "sen_status", Analysts.Now, "EHCP");
    private static readonly CohortCondition Open = Has(SocialCare, "cin_open", Analysts.Now);
    private static readonly CohortCondition LookedAfter = Has(SocialCare, "looked_after_ever", CohortWindow.None);

    public static TheoryData<string, CohortCondition?> Conditions => new()
    {
        { "everyone", null },
        { "one fact", Open },
        { "and", All(Open, Absent) },
        { "or", Any(OnPlan, Ehcp) },
        { "not alone: the complement of the population", Not(Open) },
        { "and not", All(Open, Not(Absent)) },
        { "nested", Any(All(Open, Not(LookedAfter)), All(Ehcp, Absent), Not(Any(Absent, Open, Ehcp))) },
        { "a value filter", Has(SocialCare, "cp_plan", Analysts.Now, "NEGLECT") },
        { "a fact with no window", LookedAfter },
        { "a during window", Has(SocialCare, "referred", CohortWindow.During(new(2024, 1, 1), new(2024, 6, 30))) },
    };

    public static TheoryData<string, CohortDimension[]> Groupings => new()
    {
        { "no dimension", [] },
        { "an index dimension", [CohortDimension.Index("age_band")] },
        { "an agency dimension", [CohortDimension.AgencyFact(SocialCare, "cin_primary_need", Analysts.Now)] },
        { "index by agency", [CohortDimension.Index("ward"), CohortDimension.AgencyFact(Education, "school_phase", Analysts.Now)] },
        { "agency by index", [CohortDimension.AgencyFact(SocialCare, "cin_primary_need", Analysts.Now), CohortDimension.Index("sex")] },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task Count_ConditionTrees_MatchAChildByChildCount(string name, CohortCondition? condition)
    {
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = condition, Dimensions = [CohortDimension.Index("ethnicity_group"), CohortDimension.AgencyFact(SocialCare, "cin_primary_need", Analysts.Now)] };
        var table = await CountAsync(question);
        AssertSame(BruteForce.Count(Authority, question), table, name);
        Assert.True(table.GrandTotal.Count > 0, name);
    }

    [Theory]
    [MemberData(nameof(Groupings))]
    public async Task Count_BothKindsOfDimension_MatchAChildByChildCount(string name, CohortDimension[] dimensions)
    {
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Any(Open, Absent), Dimensions = dimensions };
        var table = await CountAsync(question);
        AssertSame(BruteForce.Count(Authority, question), table, name);
    }

    [Fact]
    public async Task Count_ChildrenWithNoWardOrNoRecord_AreCountedAsUnknown()
    {
        var question = new CohortQuestion
        {
            AsAt = Analysts.AsAt,
            Dimensions = [CohortDimension.Index("ward"), CohortDimension.AgencyFact(Education, "school_phase", Analysts.Now)],
        };
        var table = await CountAsync(question);

        Assert.Equal(CohortDimension.Unknown, table.Dimensions[0].Categories[^1]);
        Assert.Equal(["Primary", "Secondary", CohortDimension.Unknown], table.Dimensions[1].Categories);
        Assert.True(table.RowTotals[^1].Count > 0, "some children have no ward");
        Assert.True(table.ColumnTotals[^1].Count > 0, "some children have no school record, or one of a phase the catalogue does not list");
        AssertSame(BruteForce.Count(Authority, question), table, "unknowns");
    }

    [Fact]
    public async Task Count_ChildWithRecordsOfDifferentGroups_IsCountedOnceUnderTheGroupListedFirst()
    {
        var phase = CohortDimension.AgencyFact(Education, "school_phase", Analysts.Now);
        var torn = Authority.InPopulation(Analysts.AsAt)
            .Where(c => Authority.RecordsOf(c, Education).Where(r => r.ActiveOn(Analysts.AsAt)).Select(r => r.Category).Distinct().Count() > 1)
            .ToList();
        Assert.NotEmpty(torn);

        var table = await CountAsync(new CohortQuestion { AsAt = Analysts.AsAt, Dimensions = [phase] });

        Assert.Equal(Authority.InPopulation(Analysts.AsAt).Count(), table.GrandTotal.Count);
        Assert.All(torn, c => Assert.Equal(
            Authority.RecordsOf(c, Education).Any(r => r.ActiveOn(Analysts.AsAt) && r.Category == "Primary") ? "Primary" : "Secondary",
            BruteForce.Group(Authority, phase, c, Analysts.AsAt)));
        AssertSame(BruteForce.Count(Authority, new CohortQuestion { AsAt = Analysts.AsAt, Dimensions = [phase] }), table, "several records");
    }

    public static TheoryData<string, CohortMeasure> Measures => new()
    {
        { "events: sum of a child's records, 0 without one", CohortMeasure.Events(SocialCare, "referrals", Analysts.LastYear) },
        { "mean: the mean of a child's records", CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear) },
        { "median", CohortMeasure.Median(Education, "attendance_rate", Analysts.LastYear) },
        { "a measure of another agency than the condition", CohortMeasure.Mean(SocialCare, "sdq_total", Analysts.Now) },
    };

    [Theory]
    [MemberData(nameof(Measures))]
    public async Task Count_Measures_MatchAChildByChildComputation(string name, CohortMeasure measure)
    {
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Any(Open, Ehcp), Dimensions = [CohortDimension.Index("sex")], Measure = measure };
        var table = await CountAsync(question);
        AssertSame(BruteForce.Count(Authority, question), table, name);
        Assert.True(table.GrandTotal.Measure!.BaseCount > 0, name);
    }

    [Fact]
    public async Task Count_Events_CountChildrenWithoutEventsAsZero_MeansLeaveChildrenWithoutAValueOut()
    {
        var events = await CountAsync(new CohortQuestion { AsAt = Analysts.AsAt, Condition = Open, Measure = CohortMeasure.Events(Education, "exclusions", Analysts.LastYear) });
        var mean = await CountAsync(new CohortQuestion { AsAt = Analysts.AsAt, Condition = Open, Measure = CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear) });

        Assert.Equal(events.GrandTotal.Count, events.GrandTotal.Measure!.BaseCount);
        Assert.Equal(0, events.GrandTotal.Measure.Median);
        Assert.InRange(mean.GrandTotal.Measure!.BaseCount, 1, mean.GrandTotal.Count - 1);
    }

    [Fact]
    public async Task Count_ChildrenWhoseWishesWithholdARecordTheQuestionReads_AreLeftOutOfTheWholeQuestion()
    {
        var authority = new SyntheticAuthority(2_000, seed: 23);
        var withheld = authority.Records.Where(r => r.Agency == Education && r.ChildId is not null).Where((_, i) => i % 5 == 0).ToList();
        authority.WithheldRecords[Education] = [.. withheld.Select(r => r.LocalId)];
        var leftOut = withheld.Select(r => r.ChildId!).ToHashSet(StringComparer.Ordinal);
        // A not over the agency whose wishes apply: leaving the children out of the fact alone would count them back in.
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = All(Open, Not(Absent)), Dimensions = [CohortDimension.Index("age_band")] };

        var table = await CountAsync(authority, question);

        AssertSame(BruteForce.Count(authority, question, leftOut), table, "wishes honoured");
        Assert.NotEqual(BruteForce.Count(authority, question).Values.Sum(v => v.Count), table.GrandTotal.Count);
        Assert.Contains(authority.WithheldCalls, c => c.Agency == Education && c.Labels.SequenceEqual(["attendance_summary"]));
        Assert.Contains(authority.WithheldCalls, c => c.Agency == SocialCare);
    }

    [Fact]
    public async Task Count_WishesHeldByAnAgencyTheQuestionDoesNotRead_ChangeNothing()
    {
        var authority = new SyntheticAuthority(2_000, seed: 23);
        authority.WithheldRecords[Education] = [.. authority.Records.Where(r => r.Agency == Education).Select(r => r.LocalId)];
        var question = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Open, Dimensions = [CohortDimension.Index("sex")] };

        var table = await CountAsync(authority, question);

        AssertSame(BruteForce.Count(authority, question), table, "another agency's wishes");
        Assert.DoesNotContain(authority.WithheldCalls, c => c.Agency == Education);
    }

    private static Task<CountTable> CountAsync(CohortQuestion question) => CountAsync(Authority, question);

    private static async Task<CountTable> CountAsync(SyntheticAuthority authority, CohortQuestion question)
    {
        var evaluator = Analysts.Evaluator(authority);
        return await evaluator.CountAsync(await evaluator.PlanAsync(question, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
    }

    /// <summary>Every cell of the library's table against the child-by-child count: counts, and the measure's base, mean and median.</summary>
    private static void AssertSame(Dictionary<(string Row, string? Column), List<double?>> expected, CountTable table, string name)
    {
        var rows = table.Dimensions[0].Categories;
        IReadOnlyList<string?> columns = table.Dimensions.Count == 2 ? [.. table.Dimensions[1].Categories] : [null];
        Assert.Equal(expected.Values.Sum(v => v.Count), table.GrandTotal.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = table.Cells[(r * columns.Count) + c];
                var values = expected.GetValueOrDefault((rows[r], columns[c])) ?? [];
                Assert.True(values.Count == cell.Count, $"{name}: ({rows[r]}, {columns[c]}) expected {values.Count}, counted {cell.Count}");
                if (cell.Measure is { } measure)
                {
                    var known = values.OfType<double>().Order().ToList();
                    Assert.Equal(known.Count, measure.BaseCount);
                    if (known.Count > 0)
                    {
                        Assert.Equal(known.Average(), measure.Mean, 9);
                        Assert.Equal(known.Count % 2 == 1 ? known[known.Count / 2] : (known[(known.Count / 2) - 1] + known[known.Count / 2]) / 2, measure.Median, 9);
                    }
                }
            }
        }
        Assert.Equal(expected.Keys.Select(k => k.Row).Except(rows), []);
    }
}
