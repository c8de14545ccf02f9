using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildInfo.Gateway.Registry;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo subgraph add | update | remove | list</c>: the system owner's side of the registry, talking to a
/// running gateway's <c>/admin/subgraphs</c> API with a bearer token (<c>--token</c> or <c>CHILDINFO_TOKEN</c>; in
/// Development, without one, a <c>system_owner</c> token is minted from the demo's key). Exit codes: 0 done (or dry
/// run passed), 1 refused or failed, 2 wrong command line.
/// </summary>
public static class SubgraphCommand
{
    private static readonly HashSet<string> Values = [.. GatewayClientOptions.ValueOptions, "url", "classifications"];
    private static readonly HashSet<string> Flags = ["dry-run", "force"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environment, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (verb, name, rest) = args switch
        {
            ["list", .. var r] => ("list", null, r),
            [("add" or "update" or "remove") and var v, var n, .. var r] when !n.StartsWith("--", StringComparison.Ordinal) => (v, n, r),
            [("add" or "update" or "remove") and var v, ..] => throw new CommandLineException($"'subgraph {v}' needs the subgraph's name, for example: subgraph {v} youth-justice ..."),
            _ => throw new CommandLineException("'subgraph' needs add NAME, update NAME, remove NAME or list."),
        };
        var reader = new ArgumentReader("subgraph " + verb, rest, Values, Flags);
        var (gatewayUri, token) = GatewayClientOptions.Read(reader, "subgraph", SystemOwnerCaller.Role, environment);
        var gateway = gatewayUri.ToString().TrimEnd('/');
        var classifications = reader.String("classifications") is { } file ? await ReadFileAsync(file, cancellationToken).ConfigureAwait(false) : null;
        if (verb == "add" && (reader.String("url") is null || classifications is null))
        {
            throw new CommandLineException("'subgraph add' needs --url (the subgraph's GraphQL endpoint) and --classifications FILE (labels for every field it adds).");
        }

        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromSeconds(60);
        using var request = Build(verb, gatewayUri, name, reader.String("url"), classifications, reader.Has("dry-run"), reader.Has("force"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"childinfo: cannot reach the gateway at {gateway}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        using (response)
        {
            JsonElement body;
            try
            {
                body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                await error.WriteLineAsync($"childinfo: {gateway} answered HTTP {(int)response.StatusCode} without a registry answer: is it a ChildInfo gateway with a registry?").ConfigureAwait(false);
                return 1;
            }

            if (body.TryGetProperty("errors", out var errors))
            {
                foreach (var e in errors.EnumerateArray())
                {
                    await error.WriteLineAsync($"childinfo: {e.GetProperty("message").GetString()}").ConfigureAwait(false);
                }

                return 1;
            }

            await (verb == "list" ? PrintListAsync(body, output) : PrintChangeAsync(body, output)).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }
    }

    private static HttpRequestMessage Build(string verb, Uri gateway, string? name, string? url, string? classifications, bool dryRun, bool force)
    {
        var path = new Uri(gateway, RegistryEndpoints.Path);
        return verb switch
        {
            "list" => new HttpRequestMessage(HttpMethod.Get, path),
            "add" => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { name, url, classifications, dryRun, force }) },
            "update" => new HttpRequestMessage(HttpMethod.Put, new Uri(path + "/" + Uri.EscapeDataString(name!))) { Content = JsonContent.Create(new { url, classifications, dryRun, force }) },
            _ => new HttpRequestMessage(HttpMethod.Delete, new Uri($"{path}/{Uri.EscapeDataString(name!)}?dryRun={(dryRun ? "true" : "false")}&force={(force ? "true" : "false")}")),
        };
    }

    private static async Task PrintListAsync(JsonElement body, TextWriter output)
    {
        await output.WriteLineAsync($"Registry revision {body.GetProperty("registryRevision")} (serving revision {body.GetProperty("revision")}, supergraph {body.GetProperty("supergraph").GetString()}); store: {body.GetProperty("store").GetString()}").ConfigureAwait(false);
        await output.WriteLineAsync($"  {"NAME",-18} {"ORIGIN",-10} {"STATUS",-14} {"SDL HASH",-17} URL").ConfigureAwait(false);
        foreach (var s in body.GetProperty("subgraphs").EnumerateArray())
        {
            var hash = s.GetProperty("sdlHash").ValueKind == JsonValueKind.String ? s.GetProperty("sdlHash").GetString()![..16] : "-";
            await output.WriteLineAsync($"  {s.GetProperty("name").GetString(),-18} {s.GetProperty("origin").GetString(),-10} {s.GetProperty("status").GetString(),-14} {hash,-17} {s.GetProperty("url").GetString()}").ConfigureAwait(false);
        }

        foreach (var problem in body.GetProperty("followProblems").EnumerateArray())
        {
            await output.WriteLineAsync($"  ! the registry's latest revision does not build: {problem.GetProperty("message").GetString()}").ConfigureAwait(false);
        }
    }

    private static async Task PrintChangeAsync(JsonElement body, TextWriter output)
    {
        var message = body.GetProperty("message").GetString();
        await output.WriteLineAsync(message).ConfigureAwait(false);
        foreach (var problem in body.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("message").GetString() != message))
        {
            await output.WriteLineAsync($"  {problem.GetProperty("code").GetString()}: {problem.GetProperty("message").GetString()}").ConfigureAwait(false);
        }

        if (body.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array)
        {
            foreach (var warning in warnings.EnumerateArray())
            {
                await output.WriteLineAsync($"  warning {warning.GetProperty("code").GetString()}: {warning.GetProperty("message").GetString()}").ConfigureAwait(false);
            }
        }

        if (body.TryGetProperty("diff", out var diff) && diff.ValueKind == JsonValueKind.String)
        {
            await output.WriteLineAsync(diff.GetString()!.Length == 0 ? "API schema: unchanged." : "API schema changes:").ConfigureAwait(false);
            foreach (var line in diff.GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await output.WriteLineAsync("  " + line.TrimEnd()).ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"Cannot read the classifications file '{file}': {ex.Message}");
        }
    }
}
