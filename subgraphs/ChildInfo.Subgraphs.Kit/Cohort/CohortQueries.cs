using System.Globalization;
using ChildInfo.Subgraphs.Kit.Data;
using Dapper;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// Runs a fact's SQL on the agency's database: the Kit wraps it as a derived table, so the filter, the distinct rows
/// of a condition and the columns read are the same for every agency and provider.
/// </summary>
public static class CohortQueries
{
    /// <summary>The values a fact takes: fixed, or read from the agency's reference data.</summary>
    public static async Task<IReadOnlyList<string>> ValuesAsync(AgencyDatabase database, CohortFactDefinition fact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.ValuesSql is null)
        {
            return fact.Values.IsDefault ? [] : fact.Values;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT v.value FROM ({fact.ValuesSql}) v WHERE v.value IS NOT NULL", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. values.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The records that satisfy <paramref name="fact"/> in <paramref name="window"/> (already checked against the
    /// fact's window kind), only those whose <c>value</c> is <paramref name="value"/> when one is given.
    /// </summary>
    /// <exception cref="InvalidOperationException">The fact's SQL gave a record twice where it must give one row per record.</exception>
    public static async Task<IReadOnlyList<CohortMember>> MembersAsync(
        AgencyDatabase database, CohortFactDefinition fact, string? value, CohortWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(window);
        var parameters = window.Parameters(fact.Window);
        if (value is not null)
        {
            parameters.Add("value", value);
        }

        var members = new List<CohortMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(Sql(fact, value is not null), parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var localId = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!;
            if (!seen.Add(localId))
            {
                throw new InvalidOperationException($"The cohort fact {fact.Name} gave a record more than once; its SQL must give one row per record.");
            }

            var extra = reader.FieldCount > 1 && !await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false) ? reader.GetValue(1) : null;
            members.Add(fact.Kind switch
            {
                CohortFactKind.Dimension => new CohortMember(localId, Convert.ToString(extra, CultureInfo.InvariantCulture), null),
                CohortFactKind.Measure or CohortFactKind.Events => new CohortMember(localId, null, extra is null ? null : Convert.ToDouble(extra, CultureInfo.InvariantCulture)),
                _ => new CohortMember(localId, null, null),
            });
        }

        return members;
    }

    /// <summary>The agency's data-use wishes, as <paramref name="sql"/> (<see cref="CohortCatalogue.WishesSql"/>) gives them.</summary>
    public static async Task<IReadOnlyList<CohortWish>> WishesAsync(AgencyDatabase database, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sql);
        var wishes = new List<CohortWish>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT w.local_id, w.code, w.data_category, w.withheld_purposes, w.withheld_agencies FROM ({sql}) w", cancellationToken: cancellationToken)).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            // A wish whose category is not stated covers the whole record: on doubt, withhold more, not less.
            wishes.Add(new CohortWish(Text(0)!, Text(1) ?? "", Text(2) ?? "ALL", Split(Text(3)), Split(Text(4))));
        }

        return wishes;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The statement that wraps a fact's SQL: a condition's rows distinct and filtered, the others' one column more.</summary>
    internal static string Sql(CohortFactDefinition fact, bool filtered) => fact.Kind switch
    {
        CohortFactKind.Condition => $"SELECT DISTINCT f.local_id FROM ({fact.Sql}) f" + (filtered ? " WHERE f.value = @value" : ""),
        CohortFactKind.Dimension => $"SELECT f.local_id, f.grp FROM ({fact.Sql}) f",
        _ => $"SELECT f.local_id, f.measure FROM ({fact.Sql}) f",
    };
}
