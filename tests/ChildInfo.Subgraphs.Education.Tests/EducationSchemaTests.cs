using ChildInfo.Subgraphs.Education.Attendance;
using ChildInfo.Subgraphs.Education.Exclusions;
using ChildInfo.Subgraphs.Education.Sen;
using ChildInfo.Subgraphs.Kit.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The table script and the code lists, without a server.</summary>
public sealed class EducationSchemaTests
{
    [Fact]
    public void Script_ParsesAsTransactSql()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(EducationSubgraph.TableDefinitions.Script);

        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void Script_DeclaresTheCensusTables()
    {
        Assert.Equal(
            ["SCHOOL", "PUPIL", "PUPIL_ENROLMENT", "PUPIL_ATTENDANCE", "PUPIL_ATTENDANCE_CODE", "PUPIL_EXCLUSION", "PUPIL_SEN_TYPE", "PUPIL_FSM", "PUPIL_VOICE", "PUPIL_DATA_PREFERENCE"],
            EducationSubgraph.TableDefinitions.Tables);
        Assert.All(SqlDialect.SplitStatements(EducationSubgraph.TableDefinitions.Script), s => Assert.Matches("^CREATE (TABLE|INDEX)", s));
    }

    [Theory]
    [InlineData("/", AttendanceCodes.Present)]
    [InlineData("L", AttendanceCodes.Present)]
    [InlineData("K", AttendanceCodes.ApprovedActivity)]
    [InlineData("B", AttendanceCodes.ApprovedActivity)]
    [InlineData("I", AttendanceCodes.Authorised)]
    [InlineData("C2", AttendanceCodes.Authorised)]
    [InlineData("G", AttendanceCodes.Unauthorised)]
    [InlineData("U", AttendanceCodes.Unauthorised)]
    [InlineData("Y7", AttendanceCodes.NotCounted)]
    [InlineData("#", AttendanceCodes.NotCounted)]
    [InlineData("ZZ", "UNKNOWN")]
    public void AttendanceCodes_CountUnderTheirRegulation10Category(string code, string category) =>
        Assert.Equal(category, AttendanceCodes.CategoryOf(code));

    [Fact]
    public void AttendanceCodes_WriterListsAreAbsenceCodes()
    {
        Assert.All(AttendanceCodes.AuthorisedAbsence, c => Assert.Equal(AttendanceCodes.Authorised, AttendanceCodes.CategoryOf(c)));
        Assert.All(AttendanceCodes.UnauthorisedAbsence, c => Assert.Equal(AttendanceCodes.Unauthorised, AttendanceCodes.CategoryOf(c)));
    }

    [Fact]
    public void ExclusionReasons_AreTheSixteenCensusCodes() =>
        Assert.Equal(["PP", "PA", "VP", "VA", "OW", "BU", "RA", "LG", "DS", "SM", "DA", "DM", "TH", "DB", "MT", "PH"], ExclusionReasons.Codes);

    [Fact]
    public void SenTypes_AreTheCensusCodes()
    {
        Assert.Equal(["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH", "NSA"], SenCodes.TypeCodes);
        Assert.Equal(["E", "K", "N"], SenCodes.Provision);
    }
}
