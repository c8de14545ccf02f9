using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.VoluntarySector.Outcomes;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>The table script and the SDQ banding, without a server.</summary>
public sealed class VoluntarySectorSchemaTests
{
    [Fact]
    public void Script_ParsesAsTransactSql()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(VoluntarySectorSubgraph.Schema.Script);

        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void Script_DeclaresTheCaseRecordingTables()
    {
        Assert.Equal(
            ["tblOrganisation", "tblOrgService", "tblParticipant", "tblEngagement", "tblKeyworkerNote", "tblSDQ", "tblWEMWBS", "tblStarReading", "tblVoice", "tblDataUsePreference"],
            VoluntarySectorSubgraph.Schema.Tables);
        Assert.All(SqlDialect.SplitStatements(VoluntarySectorSubgraph.Schema.Script), s => Assert.Matches("^CREATE (TABLE|INDEX)", s));
    }

    [Theory]
    [InlineData("TEACHER", 11, SdqBand.CloseToAverage)]
    [InlineData("TEACHER", 12, SdqBand.SlightlyRaised)]
    [InlineData("TEACHER", 16, SdqBand.High)]
    [InlineData("TEACHER", 19, SdqBand.VeryHigh)]
    [InlineData("PARENT", 13, SdqBand.CloseToAverage)]
    [InlineData("PARENT", 14, SdqBand.SlightlyRaised)]
    [InlineData("PARENT", 17, SdqBand.High)]
    [InlineData("PARENT", 20, SdqBand.VeryHigh)]
    [InlineData("SELF", 14, SdqBand.CloseToAverage)]
    [InlineData("SELF", 15, SdqBand.SlightlyRaised)]
    [InlineData("SELF", 18, SdqBand.High)]
    [InlineData("SELF", 40, SdqBand.VeryHigh)]
    public void SdqBand_TotalDifficulties_FourBandsByRespondent(string respondent, int total, string band) =>
        Assert.Equal(band, SdqBand.For(respondent, total));
}
