using ChildInfo.Subgraphs.ChildIndex;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.YouthJustice.Seeding;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>A small child-index SQLite file, made with the child index's own table script, for the seed to read.</summary>
internal static class ChildIndexFile
{
    public static readonly DateOnly AsOf = new(2026, 9, 1);

    /// <summary>Writes <paramref name="children"/> (created on <see cref="AsOf"/>) to a new temp file and returns its path.</summary>
    public static async Task<string> CreateAsync(IEnumerable<IndexChild> children)
    {
        var path = TempPath("child-index");
        var database = new AgencyDatabase(DatabaseOptions.SqliteFile(path));
        await SchemaInstaller.EnsureCreatedAsync(database, new ChildIndexSubgraph().DatabaseSchema);
        await using (var writer = await BulkWriter.OpenAsync(database))
        {
            await writer.InsertAsync("ci_child", ["child_id", "forename", "middle_name", "surname", "sex", "dob", "postcode", "nhs_number", "upn", "created_on"],
                children.Select(c => new object?[] { c.ChildId, c.Forename, null, c.Surname, c.Sex, c.DateOfBirth, "NS1 1AA", null, null, AsOf }));
        }
        SqliteConnection.ClearAllPools();
        return path;
    }

    /// <summary>
    /// <paramref name="count"/> children with ids CH-T000000 upwards, boys and girls in turn, born on every day of the
    /// 18 years before <see cref="AsOf"/> in a fixed scatter (so all ages 0 to 17 appear about equally).
    /// </summary>
    public static IReadOnlyList<IndexChild> Population(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new IndexChild(
            $"CH-T{i:000000}", "Child" + i, "Family" + (i % 97), i % 2 == 0 ? "M" : "F", AsOf.AddDays(-1 - (int)((i * 7919L) % (18 * 365))))) ];

    /// <summary>A new database file among the test run's throwaway databases.</summary>
    public static string TempPath(string name) => ChildInfo.Testing.RealServers.SqliteFile("yj-" + name);
}
