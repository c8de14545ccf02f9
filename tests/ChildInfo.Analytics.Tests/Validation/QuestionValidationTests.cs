using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Tests.Kit;
using ChildInfo.Analytics.Validation;
using static ChildInfo.Analytics.Questions.CohortCondition;
using static ChildInfo.Analytics.Tests.Kit.SyntheticAuthority;

namespace ChildInfo.Analytics.Tests.Validation;

public sealed class QuestionValidationTests
{
    private static readonly SyntheticAuthority Authority = new(200, seed: 5);
    private static readonly CohortCatalogue Catalogue = Authority.Catalogue;
    private static readonly DateOnly AsAt = Analysts.AsAt;
    private static readonly CohortCondition Open = Has(SocialCare, "cin_open", Analysts.Now);

    private static CohortQuestion Where(CohortCondition? condition) => new() { AsAt = AsAt, Condition = condition };

    private static CohortQuestion Referred(CohortWindow window) => Where(Has(SocialCare, "referred", window));

    private static CohortCondition Nested(int depth) => depth == 0 ? Open : Not(Nested(depth - 1));

    public static TheoryData<string, CohortQuestion, string> Invalid => new()
    {
        { "as-at not on the 1st", new CohortQuestion { AsAt = new(2025, 4, 2) }, CohortErrorCodes.UnalignedWindow },
        { "unknown agency", Where(Has("police", "arrests", Analysts.Now)), CohortErrorCodes.UnknownAgency },
        { "unknown fact", Where(Has(SocialCare, "adopted", Analysts.Now)), CohortErrorCodes.UnknownFact },
        { "unknown index dimension", new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.Index("postcode")] }, CohortErrorCodes.UnknownDimension },
        { "unknown value", Where(Has(SocialCare, "cp_plan", Analysts.Now, "BOGUS")), CohortErrorCodes.UnknownValue },
        { "a value for a fact with none", Where(Has(SocialCare, "cin_open", Analysts.Now, "N1")), CohortErrorCodes.UnknownValue },
        { "a measure as a condition", Where(Has(Education, "attendance_rate", Analysts.LastYear)), CohortErrorCodes.WrongFactKind },
        { "a condition as a dimension", new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.AgencyFact(SocialCare, "cin_open", Analysts.Now)] }, CohortErrorCodes.WrongFactKind },
        { "events as a mean", new CohortQuestion { AsAt = AsAt, Measure = CohortMeasure.Mean(SocialCare, "referrals", Analysts.LastYear) }, CohortErrorCodes.WrongFactKind },
        { "a measure as events", new CohortQuestion { AsAt = AsAt, Measure = CohortMeasure.Events(Education, "attendance_rate", Analysts.LastYear) }, CohortErrorCodes.WrongFactKind },
        { "an as-at fact without a date", Where(Has(SocialCare, "cin_open", CohortWindow.None)), CohortErrorCodes.MissingWindow },
        { "a during fact with only a to date", Referred(CohortWindow.AsAt(AsAt)), CohortErrorCodes.MissingWindow },
        { "a during fact with only a from date", Referred(new CohortWindow(new DateOnly(2024, 1, 1), null)), CohortErrorCodes.MissingWindow },
        { "a null window", Where(Has(SocialCare, "cin_open", null!)), CohortErrorCodes.MissingWindow },
        { "a timeless fact with a date", Where(Has(SocialCare, "looked_after_ever", Analysts.Now)), CohortErrorCodes.ExtraWindow },
        { "an as-at fact with a from date", Where(Has(SocialCare, "cin_open", Analysts.LastYear)), CohortErrorCodes.ExtraWindow },
        { "inverted", Referred(CohortWindow.During(new(2025, 1, 1), new(2024, 12, 31))), CohortErrorCodes.InvertedWindow },
        { "during from the 2nd", Referred(CohortWindow.During(new(2024, 1, 2), new(2024, 12, 31))), CohortErrorCodes.UnalignedWindow },
        { "during to a day before the month's end", Referred(CohortWindow.During(new(2024, 1, 1), new(2024, 12, 30))), CohortErrorCodes.UnalignedWindow },
        { "a one-day window", Referred(CohortWindow.During(new(2024, 3, 14), new(2024, 3, 14))), CohortErrorCodes.UnalignedWindow },
        { "as-at fact mid-month", Where(Has(SocialCare, "cin_open", CohortWindow.AsAt(new(2025, 3, 15)))), CohortErrorCodes.UnalignedWindow },
        { "longer than five years", Referred(CohortWindow.During(new(2020, 1, 1), new(2025, 1, 31))), CohortErrorCodes.WindowTooLong },
        { "an empty all", Where(All()), CohortErrorCodes.EmptyCondition },
        { "an empty any", Where(Not(Any())), CohortErrorCodes.EmptyCondition },
        { "nested six deep", Where(Nested(6)), CohortErrorCodes.TooDeep },
        { "thirteen facts", Where(Any([.. Enumerable.Range(0, 13).Select(_ => Open)])), CohortErrorCodes.TooManyFacts },
        { "three dimensions", new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.Index("sex"), CohortDimension.Index("age_band"), CohortDimension.Index("ward")] }, CohortErrorCodes.TooManyDimensions },
        { "a dimension twice", new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.Index("sex"), CohortDimension.Index("sex")] }, CohortErrorCodes.DuplicateDimension },
        { "a null condition inside", Where(All(Open, null!)), CohortErrorCodes.Malformed },
        { "a null dimension", new CohortQuestion { AsAt = AsAt, Dimensions = [null!] }, CohortErrorCodes.Malformed },
        { "a null measure", new CohortQuestion { AsAt = AsAt, Measure = null! }, CohortErrorCodes.Malformed },
        { "children with a fact", new CohortQuestion { AsAt = AsAt, Measure = CohortMeasure.Children with { Agency = Education } }, CohortErrorCodes.Malformed },
        { "a null agency", Where(Has(null!, "cin_open", Analysts.Now)), CohortErrorCodes.Malformed },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidQuestion_ThrowsWithTheStableCode(string name, CohortQuestion question, string code)
    {
        var error = Assert.Throws<CohortQuestionException>(() => CohortQuestionValidator.Validate(question, Catalogue));
        Assert.True(error.Code == code, $"{name}: expected {code}, got {error.Code} ({error.Message})");
        Assert.All(error.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    public static TheoryData<string, CohortQuestion> Valid => new()
    {
        { "nothing but the date: the whole population", new CohortQuestion { AsAt = AsAt } },
        { "a not alone: the complement of the population as at the date", Where(Not(Open)) },
        { "nested five deep", Where(Nested(5)) },
        { "twelve facts", Where(Any([.. Enumerable.Range(0, 12).Select(_ => Open)])) },
        { "exactly five years", Referred(CohortWindow.During(new(2020, 1, 1), new(2024, 12, 31))) },
        { "one month", Referred(CohortWindow.During(new(2024, 2, 1), new(2024, 2, 29))) },
        { "two dimensions of both kinds", new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.Index("ward"), CohortDimension.AgencyFact(SocialCare, "cin_primary_need", Analysts.Now)] } },
        { "the same fact in different windows", Where(All(Open, Has(SocialCare, "cin_open", CohortWindow.AsAt(new(2024, 4, 1))))) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_GoodQuestion_GivesAPlan(string name, CohortQuestion question)
    {
        var plan = CohortQuestionValidator.Validate(question, Catalogue);
        Assert.True(plan.Labels.Contains(CohortCatalogue.LinkageLabel), name);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneWithWhereItIs()
    {
        var question = new CohortQuestion
        {
            AsAt = new(2025, 4, 9),
            Condition = All(Has("police", "arrests", Analysts.Now), Not(Has(SocialCare, "referred", CohortWindow.During(new(2025, 1, 1), new(2024, 1, 31))))),
            Dimensions = [CohortDimension.Index("postcode")],
            Measure = CohortMeasure.Median(SocialCare, "referrals", Analysts.LastYear),
        };

        var error = Assert.Throws<CohortQuestionException>(() => CohortQuestionValidator.Validate(question, Catalogue));

        Assert.Equal(CohortErrorCodes.InvalidQuestion, error.Code);
        Assert.Equal(
            [
                (CohortErrorCodes.UnalignedWindow, "as_at"),
                (CohortErrorCodes.UnknownAgency, "condition.all[0]"),
                (CohortErrorCodes.InvertedWindow, "condition.all[1].not"),
                (CohortErrorCodes.UnknownDimension, "dimensions[0]"),
                (CohortErrorCodes.WrongFactKind, "measure"),
            ],
            error.Problems.Select(p => (p.Code, p.Where)));
    }

    [Fact]
    public void Validate_AQuestionOfEndlessProblems_StopsAtTheProblemBound()
    {
        var question = Where(Any([.. Enumerable.Range(0, 100_000).Select(_ => (CohortCondition)All())]));
        var error = Assert.Throws<CohortQuestionException>(() => CohortQuestionValidator.Validate(question, Catalogue));
        Assert.Equal(CohortErrorCodes.EmptyCondition, error.Code);
        Assert.Equal(CohortLimits.MaxProblems, error.Problems.Count);
    }

    [Fact]
    public void Validate_ADimensionWithoutListedValues_IsRefused_SoTheShapeNeverDependsOnTheData()
    {
        var catalogue = Catalogue with { IndexDimensions = [.. Catalogue.IndexDimensions, new CohortFact("school", "education_summary", "School attended.", CohortFactKind.Dimension, CohortWindowKind.AsAt, [])] };
        var error = Assert.Throws<CohortQuestionException>(() => CohortQuestionValidator.Validate(new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.Index("school")] }, catalogue));
        Assert.Equal(CohortErrorCodes.DimensionWithoutValues, error.Code);
    }

    [Fact]
    public void Validate_DimensionsMakingTooManyCells_AreRefusedBeforeAnythingIsFetched()
    {
        var lsoa = new CohortFact("lsoa", "contact", "LSOA of the child's address.", CohortFactKind.Dimension, CohortWindowKind.AsAt, [.. Enumerable.Range(0, 2_000).Select(i => $"E0100{i:D4}")]);
        var catalogue = Catalogue with { IndexDimensions = [.. Catalogue.IndexDimensions, lsoa] };
        var error = Assert.Throws<CohortQuestionException>(() => CohortQuestionValidator.Validate(new CohortQuestion { AsAt = AsAt, Dimensions = [CohortDimension.Index("lsoa"), CohortDimension.Index("sex")] }, catalogue));
        Assert.Equal(CohortErrorCodes.TooManyCells, error.Code);
    }

    [Fact]
    public void Validate_LongOrHostileNames_AreQuotedAndCutInMessages()
    {
        var hostile = "x\"\r\n" + new string('a', 500);
        var error = Assert.Throws<CohortQuestionException>(() => CohortQuestionValidator.Validate(Where(Has(hostile, "f", Analysts.Now)), Catalogue));
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Fact]
    public void Validate_CallerChangingTheirListsAfterwards_LeavesThePlanAsChecked()
    {
        var conditions = new List<CohortCondition> { Open };
        var dimensions = new List<CohortDimension> { CohortDimension.Index("sex") };
        var plan = CohortQuestionValidator.Validate(new CohortQuestion { AsAt = AsAt, Condition = new AllCondition(conditions), Dimensions = dimensions }, Catalogue);
        var checkedText = plan.CanonicalText;

        conditions.Add(Has("police", "arrests", Analysts.Now));
        dimensions.Add(CohortDimension.Index("postcode"));

        Assert.Equal(checkedText, plan.Question.ToCanonicalText());
        Assert.DoesNotContain("police", checkedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Plan_ListsTheAgenciesAndLabelsTheHostMustSign()
    {
        var plan = CohortQuestionValidator.Validate(new CohortQuestion
        {
            AsAt = AsAt,
            Condition = All(Open, Not(Has(Education, "persistently_absent", Analysts.LastYear))),
            Dimensions = [CohortDimension.Index("ethnicity_group")],
            Measure = CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear),
        }, Catalogue);

        Assert.Equal([Education, SocialCare], plan.Agencies);
        Assert.Equal(2, plan.LinkedAgencies);
        Assert.Equal(["attendance_summary", "linkage", "protection", "special_category"], plan.Labels);
    }
}
