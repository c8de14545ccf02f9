using ChildInfo.Testing;

namespace ChildInfo.Subgraphs.Education.Tests;

/// <summary>The linkage contract every agency keeps (<see cref="LinkageContractTests{TDefinition}"/>), on SQLite.</summary>
public sealed class SqliteEducationLinkageContractTests(SqliteEducationCohort fixture)
    : LinkageContractTests<EducationSubgraph>(fixture), IClassFixture<SqliteEducationCohort>;

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresEducationLinkageContractTests(PostgresEducationCohort fixture)
    : LinkageContractTests<EducationSubgraph>(fixture), IClassFixture<PostgresEducationCohort>;

/// <summary>Education's identities are the pupils as the generator recorded them.</summary>
public sealed class EducationLinkageRecordsTests(SqliteEducationCohort fixture) : IClassFixture<SqliteEducationCohort>
{
    [Fact]
    public async Task Records_AreEachPupilsRecordedIdentity()
    {
        var response = await fixture.PostAsync(fixture.Identifying(), "{ _linkageRecords(first: 5000) { records { localId forename middleName surname sex dateOfBirth postcode nhsNumber upn } } }");

        var records = response.GetProperty("data").GetProperty("_linkageRecords").GetProperty("records").EnumerateArray().ToList();
        Assert.NotEmpty(records);
        foreach (var record in records.Where(r => fixture.Pupils.ContainsKey(r.GetProperty("localId").GetString()!)))
        {
            var recorded = fixture.Pupils[record.GetProperty("localId").GetString()!].Education!.Recorded;
            Assert.Equal(recorded.Forename, record.GetProperty("forename").GetString());
            Assert.Equal(recorded.Surname, record.GetProperty("surname").GetString());
            Assert.Equal(recorded.Sex.ToString(), record.GetProperty("sex").GetString());
            Assert.Equal(recorded.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), record.GetProperty("dateOfBirth").GetString());
            Assert.Equal(record.GetProperty("localId").GetString(), record.GetProperty("upn").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, record.GetProperty("nhsNumber").ValueKind);
        }
    }
}
