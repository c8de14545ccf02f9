using ChildInfo.Subgraphs.EarlyYears.Eyfsp;
using ChildInfo.Subgraphs.EarlyYears.HealthVisiting;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ChildInfo.Subgraphs.EarlyYears.Tests;

/// <summary>The table script and the code lists, without a server.</summary>
public sealed class EarlyYearsSchemaTests
{
    [Fact]
    public void Script_ParsesAsTransactSql()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(EarlyYearsSubgraph.TableDefinitions.Script);

        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void Script_HasAColumnForEveryEarlyLearningGoal()
    {
        var script = EarlyYearsSubgraph.TableDefinitions.Script;
        Assert.All(EarlyLearningGoals.All, g => Assert.Contains(g.Code + " INT NOT NULL", script));
    }

    [Fact]
    public void EarlyLearningGoals_SeventeenWithTwelveForGld()
    {
        Assert.Equal(17, EarlyLearningGoals.All.Count);
        Assert.Equal(Enumerable.Range(1, 17).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), EarlyLearningGoals.All.Select(g => g.Code[^2..]));
        Assert.Equal(["FSP_COM", "FSP_PSE", "FSP_PHY", "FSP_LIT", "FSP_MAT"],
            EarlyLearningGoals.All.Where(g => g.CountsTowardsGld).Select(g => g.Code[..7]).Distinct());
        Assert.Equal(12, EarlyLearningGoals.All.Count(g => g.CountsTowardsGld));
    }

    [Fact]
    public void ReviewCodes_FiveMandatedReviewsAndFiveAsqDomains()
    {
        Assert.Equal(5, ReviewCodes.ReviewTypes.Count);
        Assert.Equal(5, ReviewCodes.Asq3Domains.Count);
        Assert.Equal("below cut-off", ReviewCodes.ZoneName("B"));
        Assert.Equal("not recorded", ReviewCodes.ZoneName(null));
    }
}
