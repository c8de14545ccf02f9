using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildInfo.Gateway.Linkage;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo link run | record | review | stats</c>: the linkage job on a running gateway, as a linkage officer under
/// <c>record_linkage</c>. <c>run</c> rebuilds the child index; <c>record --agency A --id LOCAL_ID</c> links one new or
/// changed record between runs; <c>review</c> lists the pairs waiting for a person with
/// their evidence, or records a decision (<c>--accept PAIR</c> / <c>--reject PAIR</c> with <c>--reason</c>); <c>stats</c>
/// says what the index holds, and with <c>--index FILE --truth FILE</c> measures it against a child index the
/// generator wrote from its ground truth (<see cref="LinkQuality"/>). Exit codes: 0 done, 1 refused or failed (the
/// error printed with its code), 2 wrong command line.
/// </summary>
public static class LinkCommand
{
    public const string Role = "linkage_officer";
    public const string DefaultPurpose = "record_linkage";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return args switch
        {
            ["run", .. var rest] => await RunJobAsync(Reader("link run", rest, []), output, error, environment, handler, cancellationToken).ConfigureAwait(false),
            ["record", .. var rest] => await RecordAsync(Reader("link record", rest, ["agency", "id"]), output, error, environment, handler, cancellationToken).ConfigureAwait(false),
            ["review", .. var rest] => await ReviewAsync(Reader("link review", rest, ["accept", "reject", "reason"]), output, error, environment, handler, cancellationToken).ConfigureAwait(false),
            ["stats", .. var rest] => await StatsAsync(Reader("link stats", rest, ["index", "truth"]), output, error, environment, handler, cancellationToken).ConfigureAwait(false),
            _ => throw new CommandLineException("'link' needs run, record, review or stats, for example: link run"),
        };
    }

    private static ArgumentReader Reader(string command, string[] args, string[] values) =>
        new(command, args, new HashSet<string>([.. GatewayClientOptions.ValueOptions, "purpose", .. values]), new HashSet<string>());

    private static async Task<int> RunJobAsync(ArgumentReader reader, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken ct)
    {
        var client = Client(reader, "link run", environment, handler);
        await output.WriteLineAsync($"Linking the agencies' records at {client.Options.Gateway} ...").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var call = client.SendAsync(HttpMethod.Post, LinkageEndpoint.RunPath, new { }, ct);
        // The run happens in the gateway: say it is still going rather than sit silent.
        while (await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(5), ct)).ConfigureAwait(false) != call)
        {
            await error.WriteLineAsync($"  still linking ... {clock.Elapsed.TotalSeconds:0} s").ConfigureAwait(false);
        }

        var (ok, body) = await call.ConfigureAwait(false);
        if (!ok)
        {
            return await FailAsync(error, body).ConfigureAwait(false);
        }

        var report = body.Deserialize<LinkageRunReport>(Json)!;
        await output.WriteLineAsync($"Run {report.RunId} in {clock.Elapsed.TotalSeconds:0.0} s (read {report.ReadSeconds:0.0} s, link {report.LinkSeconds:0.0} s, write {report.WriteSeconds:0.0} s)").ConfigureAwait(false);
        await output.WriteLineAsync($"  records read: {report.Records:N0} ({string.Join(", ", report.RecordsByAgency.Select(a => $"{a.Key} {a.Value:N0}"))})").ConfigureAwait(false);
        await output.WriteLineAsync($"  candidate pairs compared: {report.CandidatePairs:N0}").ConfigureAwait(false);
        await output.WriteLineAsync($"  children: {report.Children:N0} ({report.NewChildren:N0} new, {report.RemovedChildren:N0} no longer anyone's); records moved to another child: {report.MovedRecords:N0} (relationships moved with them: {report.MovedRelationships:N0})").ConfigureAwait(false);
        await output.WriteLineAsync($"  links by method: {string.Join(", ", report.LinksByMethod.Select(m => $"{m.Key} {m.Value:N0}"))}").ConfigureAwait(false);
        await output.WriteLineAsync($"  pairs for review: {report.Review:N0} ('childinfo link review' lists them)").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RecordAsync(ArgumentReader reader, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken ct)
    {
        var agency = reader.String("agency") ?? throw new CommandLineException("'link record' needs --agency NAME (as the gateway knows it, for example education).");
        var localId = reader.String("id") ?? throw new CommandLineException("'link record' needs --id LOCAL_ID: the agency's own id of the record.");
        var client = Client(reader, "link record", environment, handler);
        var (ok, body) = await client.SendAsync(HttpMethod.Post, LinkageEndpoint.RecordPath, new { agency, localId }, ct).ConfigureAwait(false);
        if (!ok)
        {
            return await FailAsync(error, body).ConfigureAwait(false);
        }

        var report = body.Deserialize<LinkageRecordReport>(Json)!;
        var what = report.Outcome switch
        {
            "linked" => $"linked to an existing child ({report.Method}, {report.Confidence:P0} sure)",
            "review" => $"a child of its own for now; {report.Review:N0} pairs wait for review ('childinfo link review' lists them)",
            _ => "like no child in the index: a child of its own",
        };
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Agency} record {report.LinkId}: {what}{(report.NewChild ? "; new child" : "")}{(report.Moved ? "; moved from its previous child" : "")} (compared with {report.Candidates:N0} records; read {report.ReadSeconds * 1000:0} ms, linked {report.LinkSeconds * 1000:0} ms)")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ReviewAsync(ArgumentReader reader, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken ct)
    {
        var (accept, reject) = (reader.String("accept"), reader.String("reject"));
        if (accept is not null && reject is not null)
        {
            throw new CommandLineException("'link review' takes --accept or --reject, not both.");
        }

        var client = Client(reader, "link review", environment, handler);
        if ((accept ?? reject) is { } pair)
        {
            var reason = reader.String("reason") ?? throw new CommandLineException("A decision needs --reason: why the two records are, or are not, the same child.");
            var (decided, answer) = await client.SendAsync(HttpMethod.Post, LinkageEndpoint.ReviewPath, new { pair, decision = accept is not null ? "accept" : "reject", reason }, ct).ConfigureAwait(false);
            if (!decided)
            {
                return await FailAsync(error, answer).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"{answer.GetProperty("pairId").GetString()} {(accept is not null ? "accepted" : "rejected")}: the next 'link run' {(accept is not null ? "links" : "never links")} these two records.").ConfigureAwait(false);
            return 0;
        }

        var (ok, body) = await client.SendAsync(HttpMethod.Get, LinkageEndpoint.ReviewPath, null, ct).ConfigureAwait(false);
        if (!ok)
        {
            return await FailAsync(error, body).ConfigureAwait(false);
        }

        var pairs = body.GetProperty("pairs").EnumerateArray().ToList();
        await output.WriteLineAsync(pairs.Count == 0 ? "No pairs wait for review." : $"{pairs.Count:N0} pairs wait for review (most likely first):").ConfigureAwait(false);
        foreach (var p in pairs)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{p.GetProperty("pairId").GetString()}  {p.GetProperty("probability").GetDouble():0.000} likely the same child (weight {p.GetProperty("matchWeight").GetDouble():0.0}): {p.GetProperty("recordA").GetString()} and {p.GetProperty("recordB").GetString()}")).ConfigureAwait(false);
            foreach (var e in p.GetProperty("evidence").EnumerateArray())
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {e.GetProperty("field").GetString(),-12} {e.GetProperty("comparison").GetString()} ({e.GetProperty("weight").GetDouble():+0.0;-0.0;0})")).ConfigureAwait(false);
            }
        }

        if (pairs.Count > 0)
        {
            await output.WriteLineAsync("Decide with: childinfo link review --accept PAIR --reason TEXT (or --reject PAIR)").ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> StatsAsync(ArgumentReader reader, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken ct)
    {
        if (reader.String("truth") is { } truth)
        {
            var index = reader.String("index") ?? throw new CommandLineException("--truth needs --index FILE: the child index the job wrote, to measure against the truth.");
            foreach (var file in new[] { index, truth })
            {
                if (!File.Exists(file))
                {
                    throw new CommandLineException($"There is no child index file '{file}'.");
                }
            }

            await LinkQuality.WriteAsync(index, truth, output, ct).ConfigureAwait(false);
            return 0;
        }

        var client = Client(reader, "link stats", environment, handler);
        var (ok, body) = await client.SendAsync(HttpMethod.Get, LinkageEndpoint.StatsPath, null, ct).ConfigureAwait(false);
        if (!ok)
        {
            return await FailAsync(error, body).ConfigureAwait(false);
        }

        var methods = body.GetProperty("linksByMethod").EnumerateObject().ToList();
        var total = methods.Sum(m => m.Value.GetInt32());
        await output.WriteLineAsync($"Children: {body.GetProperty("children").GetInt32():N0}; record links: {total:N0}").ConfigureAwait(false);
        foreach (var m in methods)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {m.Name,-12} {m.Value.GetInt32(),9:N0}  {(total == 0 ? 0 : 100.0 * m.Value.GetInt32() / total),6:0.00}%")).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Pairs waiting for review: {body.GetProperty("reviewPairs").GetInt32():N0}; reviewers' decisions kept: {body.GetProperty("decisions").GetInt32():N0}").ConfigureAwait(false);
        if (body.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } last)
        {
            await output.WriteLineAsync($"Last run: {last.GetProperty("runId").GetString()} at {last.GetProperty("finishedAt").GetString()} over {last.GetProperty("records").GetInt32():N0} records").ConfigureAwait(false);
        }

        return 0;
    }

    private static LinkClient Client(ArgumentReader reader, string command, string environment, HttpMessageHandler? handler) =>
        new(GatewayClientOptions.Read(reader, command, Role, environment), reader.String("purpose") ?? DefaultPurpose, handler);

    private static async Task<int> FailAsync(TextWriter error, JsonElement body)
    {
        var problem = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e : default;
        await error.WriteLineAsync(problem.ValueKind == JsonValueKind.Object
            ? $"childinfo: {problem.GetProperty("code").GetString()}: {problem.GetProperty("message").GetString()}"
            : $"childinfo: the gateway answered {body}").ConfigureAwait(false);
        return 1;
    }

    /// <summary>Calls the gateway's linkage API; a gateway that cannot be reached or does not answer JSON is an error of its own.</summary>
    private sealed class LinkClient(GatewayClientOptions options, string purpose, HttpMessageHandler? handler)
    {
        public GatewayClientOptions Options => options;

        public async Task<(bool Ok, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
        {
            using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            client.Timeout = TimeSpan.FromMinutes(30);
            using var request = new HttpRequestMessage(method, new Uri(options.Gateway, path));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
            request.Headers.Add("ChildInfo-Purpose", purpose);
            try
            {
                using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
                var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
                return (response.IsSuccessStatusCode, json);
            }
            catch (HttpRequestException ex)
            {
                return (false, JsonSerializer.SerializeToElement(new { error = new { code = "GATEWAY_UNREACHABLE", message = $"cannot reach the gateway at {options.Gateway}: {ex.Message}" } }));
            }
            catch (JsonException)
            {
                return (false, JsonSerializer.SerializeToElement(new { error = new { code = "NOT_A_GATEWAY", message = $"{options.Gateway} did not answer with JSON: is it a ChildInfo gateway with the linkage job?" } }));
            }
        }
    }
}
