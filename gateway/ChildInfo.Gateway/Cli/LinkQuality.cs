using System.Globalization;
using ChildInfo.Linkage.Evaluation;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Store;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>link stats --index FILE --truth FILE</c>: the child index the job wrote, measured against one the synthetic
/// data generator wrote from its ground truth (its links are the truth): pairwise precision and recall, the share of
/// records waiting for review, and the link rate by ethnicity group, sex and deprivation decile (the IDACI decile of
/// the child's postcode), with the largest gap in each. Only synthetic data has a truth; both files are read, never
/// written.
/// </summary>
public static class LinkQuality
{
    public static async Task WriteAsync(string indexFile, string truthFile, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var store = new LinkageStore(new LinkageStoreOptions { Provider = "sqlite", ConnectionString = $"Data Source={indexFile};Mode=ReadOnly;Pooling=False" });
        IReadOnlyDictionary<string, string> linked;
        IReadOnlyList<ReviewCandidate> review;
        Dictionary<string, string> childOf;
        Dictionary<string, string[]> groupsOf;
        try
        {
            linked = await store.ChildOfRecordsAsync(ct).ConfigureAwait(false);
            review = await store.ReviewQueueAsync(ct).ConfigureAwait(false);
            (childOf, groupsOf) = ReadTruth(truthFile);
        }
        catch (SqliteException ex)
        {
            throw new CommandLineException($"--index and --truth must be child index files the linkage job and the data generator wrote: {ex.Message}");
        }

        var missing = childOf.Keys.Count(k => !linked.ContainsKey(k));
        if (missing > 0)
        {
            throw new CommandLineException($"{missing:N0} records of the truth are not in the index: the two files are not of the same agencies' data.");
        }

        var result = new LinkageResult
        {
            Clusters = [.. linked.Where(p => childOf.ContainsKey(p.Key)).GroupBy(p => p.Value, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)[.. g.Select(p => p.Key)])],
            Links = [],
            ReviewQueue = review.Select(r => new RecordPair(r.RecordA, r.RecordB, LinkMethod.Probabilistic, r.MatchWeight, r.Probability, r.Evidence)).ToList(),
            Model = null!,
            CandidatePairs = 0,
        };
        var quality = LinkageQuality.Measure(result, childOf, key => groupsOf.GetValueOrDefault(key) ?? []);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Against the truth in {truthFile}: {childOf.Count:N0} records, {quality.TruePairs:N0} true pairs")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  precision {quality.Precision:0.0000}  recall {quality.Recall:0.0000}  ({quality.CorrectPairs:N0} of {quality.PredictedPairs:N0} linked pairs correct)  review band {quality.ReviewShare:P2} of records")).ConfigureAwait(false);
        await output.WriteLineAsync("  group                          true pairs   link rate").ConfigureAwait(false);
        foreach (var dimension in quality.Groups.GroupBy(g => g.Group.Split(':')[0]))
        {
            foreach (var group in dimension)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {group.Group,-30} {group.TruePairs,10:N0}   {group.Rate,8:P2}")).ConfigureAwait(false);
            }

            // Groups of fewer than 200 true pairs are too small to measure a one-point gap on.
            var gap = LinkageQuality.GapPoints(dimension.Where(g => g.TruePairs >= 200));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  largest {dimension.Key} gap: {gap:0.00} points (groups of 200 pairs or more)")).ConfigureAwait(false);
        }
    }

    private static (Dictionary<string, string> ChildOf, Dictionary<string, string[]> GroupsOf) ReadTruth(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l.source_system, l.local_id, l.child_id, c.sex, c.ethnicity, g.idaci_decile
            FROM ci_record_link l JOIN ci_child c ON c.child_id = l.child_id
            LEFT JOIN ci_postcode_geography g ON g.postcode = c.postcode
            """;
        using var reader = command.ExecuteReader();
        var childOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var key = reader.GetString(0) + ":" + reader.GetString(1);
            childOf[key] = reader.GetString(2);
            groupsOf[key] =
            [
                "sex:" + reader.GetString(3),
                "ethnicity:" + EthnicityGroup(reader.IsDBNull(4) ? "" : reader.GetString(4)),
                "deprivation decile:" + (reader.IsDBNull(5) ? "unknown" : reader.GetInt32(5).ToString("00", CultureInfo.InvariantCulture)),
            ];
        }

        return (childOf, groupsOf);
    }

    /// <summary>The census's major ethnicity groups, from the first letter of the code (WBRI: White, ABAN: Asian...).</summary>
    private static string EthnicityGroup(string code) => code.Length == 0 ? "unknown" : code[0] switch
    {
        'W' => "White",
        'M' => "Mixed",
        'A' => "Asian",
        'B' => "Black",
        'C' => "Chinese",
        _ => "Other",
    };
}
