using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// A family's wish the README's walk-through can show honoured without recording one first: Katie Stevens
/// (CH-DMAVZGB4, in the README's 2,000 children of seed 1) asked the youth club not to share her engagements with
/// children's social care. Her social worker sees it honoured under child in need (the engagements are withheld, with
/// the reason in plain words) and set aside under child protection (flagged for review); the README's queries, which
/// ask for her keyworker's notes and not her engagements, answer as before. Written into the voluntary sector's own
/// table after generation, only when the data holds her.
/// </summary>
internal static class DemoWishes
{
    public const string ChildId = "CH-DMAVZGB4";

    public const string Statement = "Youth club is mine. I don't want my social worker reading about what I do there.";

    public static async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        var participant = await ParticipantOfAsync(directory, cancellationToken).ConfigureAwait(false);
        if (participant is null)
        {
            return;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "voluntary-sector.db") }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO tblDataUsePreference (PreferenceID, ParticipantID, PreferenceCode, DataCategory, WithheldPurposes, WithheldAgencies,
                                              ExpressedBy, Statement, RecordedDate, RecordedBy)
            SELECT $id, $participant, 'NOT_WITH_SOCIAL_CARE', 'ENGAGEMENTS', NULL, 'social-care', 'CHILD', $statement, '2026-07-16', 'Youth Worker, Hannah Nicholson'
            WHERE NOT EXISTS (SELECT 1 FROM tblDataUsePreference WHERE PreferenceID = $id)
            """;
        insert.Parameters.AddWithValue("$id", participant + "-DEMO");
        insert.Parameters.AddWithValue("$participant", participant);
        insert.Parameters.AddWithValue("$statement", Statement);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Katie's participant id, as the child index links it; null when the data does not hold her.</summary>
    private static async Task<string?> ParticipantOfAsync(string directory, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "child-index.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT local_id FROM ci_record_link WHERE child_id = $child AND source_system = 'voluntary-sector' ORDER BY match_confidence DESC, local_id";
        select.Parameters.AddWithValue("$child", ChildId);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
