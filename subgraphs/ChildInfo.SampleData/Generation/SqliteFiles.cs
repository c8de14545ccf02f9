using ChildInfo.Subgraphs.Kit.Data;
using Microsoft.Data.Sqlite;

namespace ChildInfo.SampleData.Generation;

/// <summary>The file behind a SQLite database, and its write-ahead log companions.</summary>
internal static class SqliteFiles
{
    public static string? PathOf(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Sqlite || string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return null;
        }

        var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : source;
    }

    public static bool HoldsData(string path) => File.Exists(path) && new FileInfo(path).Length > 0;

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
