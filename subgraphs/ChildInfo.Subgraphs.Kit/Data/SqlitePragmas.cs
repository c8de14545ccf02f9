using Microsoft.Data.Sqlite;

namespace ChildInfo.Subgraphs.Kit.Data;

internal static class SqlitePragmas
{
    /// <summary>WAL lets readers run beside the generator's writer; a busy timeout avoids spurious lock errors.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
