using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Cohort;

namespace ChildInfo.Subgraphs.Tests.Kit;

/// <summary>The rules an agency's cohort facts are held to when declared, the window check and the counting labels.</summary>
public sealed class CohortCatalogueTests
{
    private const string Sql = "SELECT x AS local_id FROM t";

    public static TheoryData<CohortFactDefinition> BadFacts() =>
    [
        new CohortFactDefinition("CpPlan", "protection", "d", CohortFactKind.Condition, CohortWindowKind.AsAt, Sql),
        new CohortFactDefinition("cp plan", "protection", "d", CohortFactKind.Condition, CohortWindowKind.AsAt, Sql),
        new CohortFactDefinition("cp_plan", "", "d", CohortFactKind.Condition, CohortWindowKind.AsAt, Sql),
        new CohortFactDefinition("cp_plan", "protection", "d", CohortFactKind.Condition, CohortWindowKind.AsAt, " "),
        new CohortFactDefinition("team", "workforce", "d", CohortFactKind.Dimension, CohortWindowKind.AsAt, Sql),
        new CohortFactDefinition("rate", "attendance", "d", CohortFactKind.Measure, CohortWindowKind.During, Sql) { Values = ["A"] },
        new CohortFactDefinition("referrals", "cin", "d", CohortFactKind.Events, CohortWindowKind.None, Sql),
        new CohortFactDefinition("phase", "enrolment", "d", CohortFactKind.Dimension, CohortWindowKind.AsAt, Sql) { Values = ["A"], ValuesSql = "SELECT 'A' AS value" },
        // Wishes are read to be honoured, never counted by: count:preference must not open a fact.
        new CohortFactDefinition("said_no", CohortFields.WishesLabel, "d", CohortFactKind.Condition, CohortWindowKind.None, Sql),
    ];

    [Theory]
    [MemberData(nameof(BadFacts))]
    public void Catalogue_FactBreakingARule_Refused(CohortFactDefinition fact) =>
        Assert.Throws<ArgumentException>(() => new CohortCatalogue([fact]));

    [Fact]
    public void Catalogue_SameNameTwice_Refused()
    {
        var fact = new CohortFactDefinition("cp_plan", "protection", "d", CohortFactKind.Condition, CohortWindowKind.AsAt, Sql);

        var error = Assert.Throws<ArgumentException>(() => new CohortCatalogue([fact, fact with { Label = "cin" }]));

        Assert.Contains("cp_plan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogue_FindsByExactName()
    {
        var catalogue = new CohortCatalogue([new("cp_plan", "protection", "d", CohortFactKind.Condition, CohortWindowKind.AsAt, Sql)]);

        Assert.NotNull(catalogue.Find("cp_plan"));
        Assert.Null(catalogue.Find("CP_PLAN"));
    }

    [Theory]
    [InlineData(CohortWindowKind.During, "2016-03-31", "2026-03-31", true)]
    [InlineData(CohortWindowKind.During, "2016-03-30", "2026-03-31", false)]
    [InlineData(CohortWindowKind.During, "2026-03-31", "2026-03-31", true)]
    [InlineData(CohortWindowKind.During, "2026-04-01", "2026-03-31", false)]
    [InlineData(CohortWindowKind.AsAt, null, "2026-03-31", true)]
    [InlineData(CohortWindowKind.AsAt, "2026-03-31", "2026-03-31", false)]
    [InlineData(CohortWindowKind.None, null, null, true)]
    [InlineData(CohortWindowKind.None, null, "2026-03-31", false)]
    public void Window_DatesForTheKind_AcceptedOrBadWindow(CohortWindowKind kind, string? from, string? to, bool accepted)
    {
        var (window, error) = CohortWindow.Check("fact", kind, Parse(from), Parse(to));

        Assert.Equal(accepted, window is not null);
        Assert.Equal(accepted ? null : CohortErrors.BadWindowCode, error?.Code);
    }

    [Fact]
    public void Access_OnlyLabelsWithTheCountingPrefix()
    {
        var context = new SubgraphContext("u", "r", "p", "q") { Labels = new HashSet<string>(["protection", "count:voice", "record:voice"], StringComparer.Ordinal) };

        var access = CohortAccess.From(context);

        Assert.True(access.Allows("voice"));
        Assert.False(access.Allows("protection"));
        Assert.Equal(CohortErrors.NotAllowedCode, Assert.Throws<GraphQL.ExecutionError>(() => access.Require("protection")).Code);
        Assert.Equal(CohortErrors.NotAllowedCode, Assert.Throws<GraphQL.ExecutionError>(() => CohortAccess.From((SubgraphContext?)null).Require()).Code);
    }

    private static DateOnly? Parse(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
