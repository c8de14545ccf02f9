using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>A child of the test deployment with the personal details the child index holds.</summary>
public sealed record SampleChild(string Id, string Forename, string? MiddleName, string Surname, string DateOfBirth, string Postcode, string? NhsNumber, string? Upn)
{
    /// <summary>Every detail that would identify the child in a log line, a span or a metric.</summary>
    public IEnumerable<string> PersonalData =>
        new[] { Id, Forename, MiddleName, Surname, DateOfBirth, Postcode, Postcode.Replace(" ", "", StringComparison.Ordinal), NhsNumber, Upn }
            .Where(v => !string.IsNullOrEmpty(v))!;

    /// <summary>The children the index links to the most agencies' records, with their details.</summary>
    public static async Task<List<SampleChild>> MostLinkedAsync(GatewayEnvironment environment, int count)
    {
        ArgumentNullException.ThrowIfNull(environment);
        await using var connection = new SqliteConnection(environment.ChildIndexConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT child_id, forename, middle_name, surname, dob, postcode, nhs_number, upn FROM ci_child
            ORDER BY (SELECT COUNT(DISTINCT source_system) FROM ci_record_link l WHERE l.child_id = ci_child.child_id) DESC, child_id LIMIT $n
            """;
        command.Parameters.AddWithValue("$n", count);
        var children = new List<SampleChild>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetValue(i).ToString();
            children.Add(new SampleChild(Text(0)!, Text(1)!, Text(2), Text(3)!, Text(4)![..10], Text(5)!, Text(6), Text(7)));
        }

        return children;
    }
}
