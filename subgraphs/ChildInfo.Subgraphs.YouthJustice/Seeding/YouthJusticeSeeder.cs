using System.Globalization;
using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// Fills an empty youth justice database from a child-index file (see <see cref="CaseGenerator"/>); leaves a database
/// that already holds cases alone.
/// </summary>
public static class YouthJusticeSeeder
{
    private static readonly string[] PersonColumns = ["person_id", "child_index_id", "forename", "surname", "dob", "sex", "matched_on"];
    private static readonly string[] CaseColumns =
    [
        "case_id", "person_id", "outcome_type", "offence_category", "offence_date", "outcome_date", "case_worker_id", "case_worker_name", "case_team_id", "case_worker_team",
        "assessed_on", "likelihood_of_reoffending", "risk_of_serious_harm", "safety_and_wellbeing", "case_status", "closed_on",
    ];
    private static readonly string[] VoiceColumns = ["voice_id", "case_id", "recorded_on", "words", "wishes_feelings", "recorded_by", "setting", "method"];
    private static readonly string[] PreferenceColumns =
    [
        "preference_id", "case_id", "preference_code", "data_category", "withheld_purposes", "withheld_agencies", "expressed_by",
        "statement_text", "recorded_on", "recorded_by",
    ];

    /// <summary>Seeds <paramref name="database"/> from the child index at <paramref name="childIndexPath"/> when it holds no cases.</summary>
    /// <returns>What was written, or null when the database already held cases.</returns>
    /// <exception cref="ChildIndexUnavailableException">The database is empty and the child index cannot be read.</exception>
    public static async Task<SeedData?> EnsureSeededAsync(AgencyDatabase database, string childIndexPath, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (await CountAsync(database, "yj_case", cancellationToken).ConfigureAwait(false) > 0)
        {
            return null;
        }

        if (await CountAsync(database, "yj_person", cancellationToken).ConfigureAwait(false) > 0)
        {
            throw new InvalidOperationException(
                "The youth justice database holds young people but no cases: an earlier seeding was interrupted. Empty its tables (or delete the SQLite file) to seed it again.");
        }

        var index = await ChildIndexReader.ReadAsync(childIndexPath, cancellationToken).ConfigureAwait(false);
        var data = CaseGenerator.Generate(index);
        await WriteAsync(database, data, cancellationToken).ConfigureAwait(false);
        if (output is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"youth-justice: seeded {data.Cases.Count} cases for {data.People.Count} of the {index.Children.Count} children in {Path.GetFullPath(childIndexPath)} (ages as of {index.AsOf:yyyy-MM-dd}).")).ConfigureAwait(false);
        }
        return data;
    }

    /// <summary>Writes <paramref name="data"/>; cases last, so an interrupted run is recognised on the next start.</summary>
    public static async Task WriteAsync(AgencyDatabase database, SeedData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(data);
        await using var writer = await BulkWriter.OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("yj_person", PersonColumns, data.People.Select(p => new object?[]
        {
            p.PersonId, p.ChildIndexId, p.Forename, p.Surname, p.DateOfBirth, p.Sex, p.MatchedOn,
        }), cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("yj_voice", VoiceColumns, data.Voices.Select(v => new object?[]
        {
            v.VoiceId, v.OwnerId, DateOnly.FromDateTime(v.RecordedOn), v.Words, v.WishesAndFeelings, v.RecordedBy, v.Setting, v.Method,
        }), cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("yj_data_use_preference", PreferenceColumns, data.Preferences.Select(p => new object?[]
        {
            p.PreferenceId, p.OwnerId, p.Code, p.DataCategory, p.WithheldFromPurposes, p.WithheldFromAgencies, p.ExpressedBy,
            p.Statement, DateOnly.FromDateTime(p.RecordedOn), p.RecordedBy,
        }), cancellationToken).ConfigureAwait(false);
        await writer.InsertAsync("yj_case", CaseColumns, data.Cases.Select(c => new object?[]
        {
            c.CaseId, c.PersonId, c.OutcomeType, c.OffenceCategory, c.OffenceDate, c.OutcomeDate, c.CaseWorker.WorkerId, c.CaseWorker.Name, c.CaseWorker.TeamId, c.CaseWorker.Team,
            c.AssessedOn, c.LikelihoodOfReoffending, c.RiskOfSeriousHarm, c.SafetyAndWellbeing, c.Status, c.ClosedOn,
        }), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> CountAsync(AgencyDatabase database, string table, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table}", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
