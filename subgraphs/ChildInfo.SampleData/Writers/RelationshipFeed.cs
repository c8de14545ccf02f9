using System.Data.Common;
using ChildInfo.SampleData.Population;
using ChildInfo.Subgraphs.ChildIndex.Scope;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// The agencies' feed of legitimate relationships into the child index (<c>ci_relationship</c>), built from exactly
/// what each agency's writer writes: current school enrolments (by URN) come from the population; open social care
/// involvements (allocated worker and team, early help practitioners included), open early years setting spells and
/// open voluntary sector engagements (keyworker and organisation) are read back from the agencies' own writers run
/// over the same chunk into a throwaway in-memory database. Those writers draw from their own per-child random
/// sources, so running them again gives the same rows and leaves their databases unchanged.
/// </summary>
internal sealed class RelationshipFeed
{
    public static readonly string[] Columns = ["relationship_id", "child_id", "kind", "holder_type", "holder", "source_system", "start_date", "end_date"];

    private readonly SocialCareWriter _socialCare = new();
    private readonly EarlyYearsWriter _earlyYears = new();
    private readonly VoluntarySectorWriter _voluntarySector = new();

    /// <summary>The current relationships of a chunk of children, one row per (relationship, holder).</summary>
    public async Task<List<object?[]>> RowsAsync(IReadOnlyList<SyntheticChild> children, GenerationContext context, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        foreach (var child in children)
        {
            if (child.Education is null)
            {
                continue;
            }

            foreach (var enrolment in child.Enrolments)
            {
                if (enrolment.LeavingDate is null)
                {
                    rows.Add([$"{child.ChildId}-ED-{enrolment.SchoolUrn}", child.ChildId, RelationshipKinds.SchoolRoll, RelationshipHolderTypes.School,
                        enrolment.SchoolUrn.ToString(System.Globalization.CultureInfo.InvariantCulture), Agency.Education, enrolment.EntryDate, null]);
                }
            }
        }

        await ReplayAsync(_socialCare, children, c => c.SocialCare, context, rows, ReadSocialCareAsync, cancellationToken).ConfigureAwait(false);
        await ReplayAsync(_earlyYears, children, c => c.EarlyYears, context, rows, ReadEarlyYearsAsync, cancellationToken).ConfigureAwait(false);
        await ReplayAsync(_voluntarySector, children, c => c.VoluntarySector, context, rows, ReadVoluntarySectorAsync, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static async Task ReplayAsync(
        IAgencyWriter writer,
        IReadOnlyList<SyntheticChild> children,
        Func<SyntheticChild, AgencyRecord?> record,
        GenerationContext context,
        List<object?[]> rows,
        Func<DbConnection, IReadOnlyDictionary<string, string>, List<object?[]>, Task> read,
        CancellationToken cancellationToken)
    {
        var childByLocalId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (record(child) is { } known)
            {
                childByLocalId[known.LocalId] = child.ChildId;
            }
        }

        if (childByLocalId.Count == 0)
        {
            return;
        }

        var database = new AgencyDatabase(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source=childinfo-feed-{Guid.NewGuid():N};Mode=Memory;Cache=Shared",
        });
        // The in-memory database lives while a connection to it is open.
        await using var keeper = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await SchemaInstaller.EnsureCreatedAsync(database, writer.Schema, cancellationToken).ConfigureAwait(false);
        await using (var bulk = await BulkWriter.OpenAsync(database, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteChildrenAsync(bulk, children, context, cancellationToken).ConfigureAwait(false);
            await bulk.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await read(keeper, childByLocalId, rows).ConfigureAwait(false);
    }

    private static async Task ReadSocialCareAsync(DbConnection connection, IReadOnlyDictionary<string, string> children, List<object?[]> rows)
    {
        var open = await connection.QueryAsync<(string Id, string Person, string Worker, string? Team, DateTime? Start)>("""
            SELECT invo_involvements_id, invo_person_id, invo_professional_id, invo_professional_team, invo_involvement_start_date
            FROM ssd_involvements WHERE invo_involvement_end_date IS NULL ORDER BY invo_involvements_id
            """).ConfigureAwait(false);
        foreach (var (id, person, worker, team, start) in open)
        {
            var child = children[person];
            rows.Add([$"{child}-SC-{id}-U", child, RelationshipKinds.Caseload, RelationshipHolderTypes.User, worker, Agency.SocialCare, Date(start), null]);
            if (team is not null)
            {
                rows.Add([$"{child}-SC-{id}-T", child, RelationshipKinds.Caseload, RelationshipHolderTypes.Team, team, Agency.SocialCare, Date(start), null]);
            }
        }
    }

    private static async Task ReadEarlyYearsAsync(DbConnection connection, IReadOnlyDictionary<string, string> children, List<object?[]> rows)
    {
        var open = await connection.QueryAsync<(string Child, long Urn, DateTime? Start)>(
            "SELECT EYChildId, URN, StartDate FROM EY_CHILD_SETTING WHERE LeavingDate IS NULL ORDER BY EYChildId, URN").ConfigureAwait(false);
        foreach (var (local, urn, start) in open)
        {
            var child = children[local];
            var holder = urn.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.Add([$"{child}-EY-{holder}", child, RelationshipKinds.Setting, RelationshipHolderTypes.Setting, holder, Agency.EarlyYears, Date(start), null]);
        }
    }

    private static async Task ReadVoluntarySectorAsync(DbConnection connection, IReadOnlyDictionary<string, string> children, List<object?[]> rows)
    {
        var open = await connection.QueryAsync<(string Id, string Participant, string Organisation, string? Keyworker, DateTime? Start)>(
            "SELECT EngagementID, ParticipantID, OrgID, KeyworkerID, StartDate FROM tblEngagement WHERE EndDate IS NULL ORDER BY EngagementID").ConfigureAwait(false);
        foreach (var (id, participant, organisation, keyworker, start) in open)
        {
            var child = children[participant];
            if (keyworker is not null)
            {
                rows.Add([$"{child}-VS-{id}-U", child, RelationshipKinds.Caseload, RelationshipHolderTypes.User, keyworker, Agency.VoluntarySector, Date(start), null]);
            }

            rows.Add([$"{child}-VS-{id}-O", child, RelationshipKinds.Caseload, RelationshipHolderTypes.Organisation, organisation, Agency.VoluntarySector, Date(start), null]);
        }
    }

    private static DateOnly? Date(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
