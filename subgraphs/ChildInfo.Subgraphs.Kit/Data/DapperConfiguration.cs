using System.Data;
using System.Globalization;
using Dapper;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// Makes rows read the same on every provider: SQLite returns dates as text and decimals as REAL, Npgsql dates as
/// DateOnly, SQL Server as DateTime; snake_case columns map onto PascalCase properties.
/// </summary>
public static class DapperConfiguration
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new DecimalHandler());
    }

    /// <summary>SQLite keeps DECIMAL columns as REAL; read them back as decimal like the other providers.</summary>
    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override decimal Parse(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

        public override void SetValue(IDbDataParameter parameter, decimal value) => parameter.Value = value;
    }

    private static DateTime ToDateTime(object value) => value switch
    {
        DateTime dt => dt,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset dto => dto.DateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces),
        _ => throw new DataException($"Cannot read a {value.GetType().Name} as a date."),
    };

    private sealed class DateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override DateTime Parse(object value) => ToDateTime(value);

        public override void SetValue(IDbDataParameter parameter, DateTime value) => parameter.Value = value;
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value is DateOnly d ? d : DateOnly.FromDateTime(ToDateTime(value));

        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            // Text for SQLite, a date for the others.
            parameter.Value = parameter.GetType().Name == "SqliteParameter"
                ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value.ToDateTime(TimeOnly.MinValue);
            parameter.DbType = parameter.GetType().Name == "SqliteParameter" ? DbType.String : DbType.Date;
        }
    }
}
