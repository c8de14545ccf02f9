using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Tests.Kit;
using static ChildInfo.Analytics.Questions.CohortCondition;
using static ChildInfo.Analytics.Tests.Kit.SyntheticAuthority;

namespace ChildInfo.Analytics.Tests.Questions;

public sealed class CanonicalTextTests
{
    private static readonly CohortCondition Open = Has(SocialCare, "cin_open", Analysts.Now);
    private static readonly CohortCondition Absent = Has(Education, "persistently_absent", Analysts.LastYear);

    [Fact]
    public void ToCanonicalText_ReadsTheWholeQuestionOnOneLine()
    {
        var question = new CohortQuestion
        {
            AsAt = Analysts.AsAt,
            Condition = All(Open, Not(Has(SocialCare, "cp_plan", Analysts.Now, "NEGLECT"))),
            Dimensions = [CohortDimension.Index("age_band"), CohortDimension.AgencyFact(SocialCare, "cin_primary_need", Analysts.Now)],
            Measure = CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear),
        };

        Assert.Equal(
            "as_at 2025-04-01; where all(fact(\"social-care\", \"cin_open\", as_at 2025-04-01), not(fact(\"social-care\", \"cp_plan\" = \"NEGLECT\", as_at 2025-04-01)));"
            + " by index(\"age_band\"), fact(\"social-care\", \"cin_primary_need\", as_at 2025-04-01);"
            + " measure mean(\"education\", \"attendance_rate\", during 2024-04-01..2025-03-31)",
            question.ToCanonicalText());
    }

    [Fact]
    public void ToCanonicalText_AllAndAnyOperandsInAnyOrder_ReadTheSame()
    {
        var one = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Any(All(Open, Absent), Not(Absent)) };
        var other = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Any(Not(Absent), All(Absent, Open)) };
        Assert.Equal(one.ToCanonicalText(), other.ToCanonicalText());
    }

    [Fact]
    public void ToCanonicalText_DifferentQuestions_ReadDifferently()
    {
        CohortQuestion[] questions =
        [
            new() { AsAt = Analysts.AsAt },
            new() { AsAt = Analysts.AsAt.AddMonths(1) },
            new() { AsAt = Analysts.AsAt, Condition = Open },
            new() { AsAt = Analysts.AsAt, Condition = Not(Open) },
            new() { AsAt = Analysts.AsAt, Condition = All(Open, Absent) },
            new() { AsAt = Analysts.AsAt, Condition = Any(Open, Absent) },
            new() { AsAt = Analysts.AsAt, Dimensions = [CohortDimension.Index("sex"), CohortDimension.Index("ward")] },
            new() { AsAt = Analysts.AsAt, Dimensions = [CohortDimension.Index("ward"), CohortDimension.Index("sex")] },
            new() { AsAt = Analysts.AsAt, Measure = CohortMeasure.Mean(Education, "attendance_rate", Analysts.LastYear) },
            new() { AsAt = Analysts.AsAt, Measure = CohortMeasure.Median(Education, "attendance_rate", Analysts.LastYear) },
        ];
        Assert.Equal(questions.Length, questions.Select(q => q.ToCanonicalText()).Distinct().Count());
    }

    [Fact]
    public void ToCanonicalText_QuotesNamesSoNoNameCanForgeAnotherPart()
    {
        var forged = new CohortQuestion { AsAt = Analysts.AsAt, Condition = Has("a\", \"b", "c\nmeasure children", CohortWindow.None) };
        var text = forged.ToCanonicalText();
        Assert.Contains("fact(\"a\\\", \\\"b\", \"c\\u000ameasure children\", none)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }
}
