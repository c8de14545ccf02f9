using ChildInfo.Subgraphs.Kit.Data;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>Reads the children of a child-index SQLite file (table <c>ci_child</c>), read-only.</summary>
public static class ChildIndexReader
{
    public static async Task<ChildIndexSnapshot> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ChildIndexUnavailableException(Missing(fullPath));
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var tables = await SqlRows.QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ci_child'", null, cancellationToken).ConfigureAwait(false);
            if (tables.Count == 0)
            {
                throw new ChildIndexUnavailableException($"'{fullPath}' is not a child-index database: it has no ci_child table.");
            }

            var rows = await SqlRows.QueryAsync(connection, "SELECT child_id, forename, surname, sex, dob, created_on FROM ci_child", null, cancellationToken).ConfigureAwait(false);
            var children = rows
                .Select(r => new IndexChild(
                    DbValue.RequiredText(r, "child_id"),
                    DbValue.Text(r, "forename") ?? "",
                    DbValue.Text(r, "surname") ?? "",
                    DbValue.Text(r, "sex") ?? "U",
                    DbValue.Date(r, "dob") ?? throw new ChildIndexUnavailableException($"Child {DbValue.Text(r, "child_id")} in '{fullPath}' has no date of birth.")))
                .OrderBy(c => c.ChildId, StringComparer.Ordinal)
                .ToList();
            // The day the index was first written: a linkage run keeps each remaining child's created_on and dates only the
            // children it tells apart, so a later run does not move the seed's today (and every case with it).
            var asOf = rows.Select(r => DbValue.Date(r, "created_on")).Min() ?? default;
            return new ChildIndexSnapshot(asOf, children);
        }
        catch (SqliteException ex)
        {
            throw new ChildIndexUnavailableException($"Cannot read the child index '{fullPath}': {ex.Message}", ex);
        }
    }

    private static string Missing(string fullPath) =>
        $"The child index database '{fullPath}' does not exist. The youth justice subgraph gives its sample cases to real " +
        "children of the demo, so it needs the demo's child index: run the gateway demo once to create it " +
        "(dotnet run --project gateway/ChildInfo.Gateway.Demo, which writes data/demo/child-index.db), or point " +
        "YouthJustice__ChildIndexDatabase (or --child-index FILE, or --data DIR holding child-index.db) at a child-index SQLite file.";
}
