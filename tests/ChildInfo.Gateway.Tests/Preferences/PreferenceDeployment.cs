using ChildInfo.Gateway.Demo;
using ChildInfo.SampleData.Generation;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Preferences;

/// <summary>
/// Sample data for 2,000 children (seed 7; the assembly's 300-child deployment holds too few data-use preferences of
/// each kind) with the five sample subgraphs over it, and gateways over it started on demand: one per policy variant.
/// The agency databases are read directly to find children with a preference and the values it covers.
/// </summary>
public sealed class PreferenceDeployment : IAsyncLifetime
{
    public const int Children = 2_000;
    public const int Seed = 7;

    private readonly Dictionary<string, Task<PreferenceGateway>> _gateways = new(StringComparer.Ordinal);
    private DemoSubgraphs? _subgraphs;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("childinfo-preference-data-").FullName;

    public HttpClient Client { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await new SampleDataGenerator().GenerateAsync(new SampleDataOptions { Children = Children, Seed = Seed, OutputDirectory = DataDirectory, ChunkSize = 500 });
        _subgraphs = await DemoSubgraphs.StartAsync(DataDirectory, preferredPorts: false, CancellationToken.None);
    }

    /// <summary>The gateway over the sample policies, or over a copy whose rules.yaml <paramref name="changeRules"/> rewrites (one per <paramref name="variant"/>).</summary>
    public Task<PreferenceGateway> GatewayAsync(string variant = "sample", Func<string, string>? changeRules = null)
    {
        lock (_gateways)
        {
            if (!_gateways.TryGetValue(variant, out var gateway))
            {
                gateway = PreferenceGateway.StartAsync(_subgraphs!.Urls, Client, changeRules);
                _gateways[variant] = gateway;
            }

            return gateway;
        }
    }

    /// <summary>
    /// Children whose voluntary-sector record carries a preference with <paramref name="code"/> covering
    /// <paramref name="category"/>, each with the values the category covers on that record: keyworker note texts for
    /// NOTES, engagement ids and keyworker names for ENGAGEMENTS.
    /// </summary>
    public async Task<List<RecordedWish>> VoluntaryRecordsWithAsync(string code, string category)
    {
        var covered = category switch
        {
            "NOTES" => "SELECT NoteText FROM tblKeyworkerNote WHERE ParticipantID = $id",
            "ENGAGEMENTS" => "SELECT EngagementID FROM tblEngagement WHERE ParticipantID = $id UNION ALL SELECT KeyworkerName FROM tblEngagement WHERE ParticipantID = $id",
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "NOTES or ENGAGEMENTS"),
        };
        await using var voluntary = Open("voluntary-sector");
        await using var index = Open("child-index");
        var wishes = new List<RecordedWish>();
        foreach (var participant in await ColumnAsync(voluntary,
            "SELECT ParticipantID FROM tblDataUsePreference WHERE PreferenceCode = $code AND DataCategory = $category ORDER BY ParticipantID",
            ("$code", code), ("$category", category)))
        {
            var values = await ColumnAsync(voluntary, covered, ("$id", participant));
            var child = await ColumnAsync(index, "SELECT child_id FROM ci_record_link WHERE source_system = 'voluntary-sector' AND local_id = $id", ("$id", participant));
            if (values.Count > 0 && child.Count == 1)
            {
                wishes.Add(new RecordedWish(child[0], participant, code, category, values));
            }
        }

        return wishes;
    }

    /// <summary>
    /// Children whose social-care record carries a preference with <paramref name="code"/> covering the child's voice,
    /// each with the words the record holds in the child's voice.
    /// </summary>
    public async Task<List<RecordedWish>> SocialCareVoiceWithAsync(string code)
    {
        await using var socialCare = Open("social-care");
        await using var index = Open("child-index");
        var wishes = new List<RecordedWish>();
        foreach (var person in await ColumnAsync(socialCare,
            "SELECT dupr_person_id FROM cms_data_use_preference WHERE dupr_code = $code AND dupr_data_category = 'VOICE' ORDER BY dupr_person_id",
            ("$code", code)))
        {
            var words = await ColumnAsync(socialCare, "SELECT cvoi_words FROM cms_child_voice WHERE cvoi_person_id = $id", ("$id", person));
            var child = await ColumnAsync(index, "SELECT child_id FROM ci_record_link WHERE source_system = 'social-care' AND local_id = $id", ("$id", person));
            if (words.Count > 0 && child.Count == 1)
            {
                wishes.Add(new RecordedWish(child[0], person, code, "VOICE", words));
            }
        }

        return wishes;
    }

    /// <summary>Children with a NO_RESEARCH_USE preference on any of their records, by child id.</summary>
    public async Task<List<string>> ChildrenWithNoResearchUseAsync()
    {
        await using var education = Open("education");
        await using var index = Open("child-index");
        var children = new List<string>();
        foreach (var upn in await ColumnAsync(education, "SELECT UPN FROM PUPIL_DATA_PREFERENCE WHERE Code = 'NO_RESEARCH_USE' ORDER BY UPN"))
        {
            children.AddRange(await ColumnAsync(index, "SELECT child_id FROM ci_record_link WHERE source_system = 'education' AND local_id = $id", ("$id", upn)));
        }

        return children;
    }

    private SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, database + ".db")};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                values.Add(reader.GetValue(0).ToString()!);
            }
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways.Values)
        {
            await (await gateway).DisposeAsync();
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        Client.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }
}

/// <summary>A child with a data-use preference on one agency record, and the values held there that it covers.</summary>
public sealed record RecordedWish(string ChildId, string LocalId, string Code, string Category, IReadOnlyList<string> CoveredValues);
