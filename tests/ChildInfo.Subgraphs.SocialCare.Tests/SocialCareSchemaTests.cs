using ChildInfo.Subgraphs.Kit.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>The table script, without a server.</summary>
public sealed class SocialCareSchemaTests
{
    [Fact]
    public void Script_ParsesAsTransactSql()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(SocialCareSubgraph.Schema.Script);

        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void Script_StandardSafeguardingDatasetTablesPlusTwoLocalOnes()
    {
        Assert.Equal(
            ["ssd_person", "ssd_address", "ssd_linked_identifiers", "ssd_disability", "ssd_cin_episodes", "ssd_cin_assessments",
             "ssd_assessment_factors", "ssd_cin_plans", "ssd_s47_enquiry", "ssd_initial_cp_conference", "ssd_cp_plans", "ssd_cla_episodes",
             "ssd_cla_placement", "ssd_legal_status", "ssd_early_help_episodes", "ssd_department", "ssd_professionals", "ssd_involvements",
             "ssd_voice_of_child", "cms_child_voice", "cms_data_use_preference"],
            SocialCareSubgraph.Schema.Tables);
        Assert.All(SqlDialect.SplitStatements(SocialCareSubgraph.Schema.Script), s => Assert.Matches("^CREATE (TABLE|INDEX)", s));
    }

    [Fact]
    public void Script_TranslatedForPostgres_HasNoTransactSqlTypesLeft()
    {
        var translated = SqlDialect.Postgres.TranslateDdl(SocialCareSubgraph.Schema.Script);

        Assert.DoesNotContain("NVARCHAR", translated, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DATETIME2", translated, StringComparison.OrdinalIgnoreCase);
    }
}
