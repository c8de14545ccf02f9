using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>The table script and the outcome vocabulary, without a server.</summary>
public sealed class YouthJusticeSchemaTests
{
    [Fact]
    public void Script_ParsesAsTransactSql()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(YouthJusticeSubgraph.Schema.Script);

        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void Script_DeclaresTheCaseManagementTables()
    {
        Assert.Equal(["yj_person", "yj_case", "yj_voice", "yj_data_use_preference"], YouthJusticeSubgraph.Schema.Tables);
        Assert.All(SqlDialect.SplitStatements(YouthJusticeSubgraph.Schema.Script), s => Assert.Matches("^CREATE (TABLE|INDEX)", s));
    }

    [Theory]
    [InlineData(OutcomeTypes.CommunityResolution, OutcomeTypes.PreCourt)]
    [InlineData(OutcomeTypes.YouthCaution, OutcomeTypes.PreCourt)]
    [InlineData(OutcomeTypes.YouthConditionalCaution, OutcomeTypes.PreCourt)]
    [InlineData(OutcomeTypes.ReferralOrder, OutcomeTypes.FirstTier)]
    [InlineData(OutcomeTypes.YouthRehabilitationOrder, OutcomeTypes.Community)]
    [InlineData(OutcomeTypes.DetentionAndTrainingOrder, OutcomeTypes.Custody)]
    [InlineData("CONDITIONAL_DISCHARGE", null)]
    public void TierOf_OutcomeType_TierAsTheYouthJusticeStatisticsGroupIt(string outcomeType, string? tier) =>
        Assert.Equal(tier, OutcomeTypes.TierOf(outcomeType));
}
