using System.Globalization;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// Reads column values the same way whichever provider returned them: SQLite gives dates as text and numbers
/// as Int64, PostgreSQL and SQL Server give DateTime, Int32 and Decimal.
/// </summary>
public static class DbValue
{
    public static string? Text(IDictionary<string, object?> row, string column) => Get(row, column) switch
    {
        null => null,
        string s => s.TrimEnd(),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public static string RequiredText(IDictionary<string, object?> row, string column) =>
        Text(row, column) ?? throw new InvalidOperationException($"Column {column} is null where a value is required.");

    public static DateOnly? Date(IDictionary<string, object?> row, string column) => Get(row, column) switch
    {
        null => null,
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        string s when DateOnly.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        var v => throw new InvalidOperationException($"Column {column} holds '{v}', which is not a date."),
    };

    public static int? Int(IDictionary<string, object?> row, string column) => Get(row, column) switch
    {
        null => null,
        int i => i,
        string s => int.Parse(s, CultureInfo.InvariantCulture),
        var v => Convert.ToInt32(v, CultureInfo.InvariantCulture),
    };

    public static decimal? Decimal(IDictionary<string, object?> row, string column) => Get(row, column) switch
    {
        null => null,
        decimal m => m,
        string s => decimal.Parse(s, CultureInfo.InvariantCulture),
        var v => Convert.ToDecimal(v, CultureInfo.InvariantCulture),
    };

    /// <summary>A Y/N flag column, or a 0/1 computed column; null when not recorded.</summary>
    public static bool? Flag(IDictionary<string, object?> row, string column) => Get(row, column) switch
    {
        null => null,
        bool b => b,
        string s => s.Trim() switch
        {
            "Y" or "y" or "1" => true,
            "N" or "n" or "0" => false,
            _ => null,
        },
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0,
    };

    private static object? Get(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not DBNull ? value : null;
}
