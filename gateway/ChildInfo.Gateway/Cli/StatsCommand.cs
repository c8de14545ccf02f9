using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildInfo.Gateway.Analytics;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo stats QUESTION.json</c>: asks a running gateway a saved aggregate question (the JSON of a
/// <c>CohortQuestionInput</c>) at <c>/analytics/graphql</c>, as an analyst under an aggregate-only purpose, and prints
/// the published table with its GSS symbols; <c>--csv FILE</c> writes it as CSV too. Exit codes: 0 answered, 1
/// refused or failed (each error printed with its code), 2 wrong command line or unreadable question file.
/// </summary>
public static class StatsCommand
{
    public const string Role = "la_analyst";
    public const string DefaultPurpose = "service_planning";

    private const string Query = """
        query Stats($question: CohortQuestionInput!) {
          cohortTable(question: $question) {
            question agencies suppressedUpTo
            dimensions { name }
            rows { categories children { text } percentage { text } mean { text } median { text } }
            csv
          }
        }
        """;

    private static readonly HashSet<string> Values = [.. GatewayClientOptions.ValueOptions, "purpose", "csv", "role"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [var file, .. var rest] || file.StartsWith("--", StringComparison.Ordinal))
        {
            throw new CommandLineException("'stats' needs a question file, for example: stats docs/questions/cp-plans-by-age.json");
        }

        var reader = new ArgumentReader("stats", rest, Values, new HashSet<string>());
        var (gateway, token) = GatewayClientOptions.Read(reader, "stats", reader.String("role") ?? Role, environment);
        var question = await ReadQuestionAsync(file, cancellationToken).ConfigureAwait(false);
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromMinutes(5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, AnalyticsEndpoint.Path))
        {
            Content = JsonContent.Create(new { query = Query, variables = new { question } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("ChildInfo-Purpose", reader.String("purpose") ?? DefaultPurpose);
        JsonElement body;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"childinfo: cannot reach the gateway at {gateway}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (JsonException)
        {
            await error.WriteLineAsync($"childinfo: {gateway} did not answer with a GraphQL response: is it a ChildInfo gateway?").ConfigureAwait(false);
            return 1;
        }

        if (body.TryGetProperty("errors", out var errors))
        {
            foreach (var e in errors.EnumerateArray())
            {
                await WriteErrorAsync(error, e).ConfigureAwait(false);
            }

            return 1;
        }

        var table = body.GetProperty("data").GetProperty("cohortTable");
        await output.WriteAsync(Format(table)).ConfigureAwait(false);
        if (reader.String("csv") is { } csv)
        {
            await File.WriteAllTextAsync(csv, table.GetProperty("csv").GetString(), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"CSV written to {csv}").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The table as text: the question, the agencies, one line per row, and what the symbols mean.</summary>
    public static string Format(JsonElement table)
    {
        var text = new StringBuilder();
        var agencies = string.Join(", ", table.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()));
        text.Append("Question: ").AppendLine(table.GetProperty("question").GetString());
        text.Append(CultureInfo.InvariantCulture, $"Agencies: {agencies} (counts 1 to {table.GetProperty("suppressedUpTo").GetInt32()} suppressed; cells rounded to 5, totals to 10)").AppendLine();
        var headers = table.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).Concat(["children", "%", "mean", "median"]).ToList();
        var lines = table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)
            .Concat(new[] { "children", "percentage", "mean", "median" }.Select(f => r.GetProperty(f).GetProperty("text").GetString()!)).ToList()).ToList();
        var widths = headers.Select((h, i) => lines.Select(l => l[i].Length).Append(h.Length).Max()).ToList();
        text.AppendJoin("  ", headers.Select((h, i) => h.PadRight(widths[i]))).AppendLine();
        foreach (var line in lines)
        {
            text.AppendJoin("  ", line.Select((v, i) => v.PadRight(widths[i]))).AppendLine();
        }

        text.AppendLine("c: confidential (suppressed)  x: not available  z: not applicable  k: rounds to zero");
        return text.ToString();
    }

    private static async Task WriteErrorAsync(TextWriter error, JsonElement e)
    {
        var code = e.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() : null;
        if (ext.ValueKind == JsonValueKind.Object && ext.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in problems.EnumerateArray())
            {
                await error.WriteLineAsync($"childinfo: {p.GetProperty("code").GetString()} at {p.GetProperty("where").GetString()}: {p.GetProperty("message").GetString()}").ConfigureAwait(false);
            }

            return;
        }

        await error.WriteLineAsync($"childinfo: {(code is null ? "" : code + ": ")}{e.GetProperty("message").GetString()}").ConfigureAwait(false);
    }

    private static async Task<JsonElement> ReadQuestionAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            var question = await JsonSerializer.DeserializeAsync<JsonElement>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return question.ValueKind == JsonValueKind.Object ? question : throw new CommandLineException($"The question file '{file}' must hold a JSON object (a CohortQuestionInput).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"Cannot read the question file '{file}': {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new CommandLineException($"The question file '{file}' is not valid JSON: {ex.Message}");
        }
    }
}
