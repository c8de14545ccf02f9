using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// The registry's admin API for system owners, under <c>/admin/subgraphs</c>: list (GET), register (POST), update
/// (PUT <c>/{name}</c>), remove (DELETE <c>/{name}</c>); <c>dryRun</c> checks and shows the schema diff without
/// changing anything, <c>force</c> applies a change that breaks existing queries. Every call is audited.
/// </summary>
public static class RegistryEndpoints
{
    public const string Path = "/admin/subgraphs";

    // A member named twice is refused, not settled by whichever the reader keeps.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (Func<HttpContext, Task<IResult>>)ListAsync);
        app.MapPost(Path, (Func<HttpContext, Task<IResult>>)(http => ChangeAsync(http, SubgraphChangeKind.Add, null)));
        app.MapPut(Path + "/{name}", (HttpContext http, string name) => ChangeAsync(http, SubgraphChangeKind.Update, name));
        app.MapDelete(Path + "/{name}", (HttpContext http, string name) => ChangeAsync(http, SubgraphChangeKind.Remove, name));
    }

    private static async Task<IResult> ListAsync(HttpContext http)
    {
        var (caller, status, problem) = await SystemOwnerCaller.AuthenticateAsync(http).ConfigureAwait(false);
        if (caller is null)
        {
            await AuditAsync(http, null, "subgraph list", AuditOutcome.Denied).ConfigureAwait(false);
            return Error(status, "FORBIDDEN", problem!);
        }

        var registry = http.RequestServices.GetRequiredService<SubgraphRegistry>();
        var health = http.RequestServices.GetRequiredService<SubgraphHealth>();
        var served = http.RequestServices.GetRequiredService<GatewayState>().Current;
        RegistrySnapshot snapshot;
        try
        {
            snapshot = await registry.ReadAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (RegistryStoreException ex)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "REGISTRY_UNAVAILABLE", ex.Message);
        }

        var configured = registry.Configured.Known ? await registry.Configured.GetAsync(http.RequestAborted).ConfigureAwait(false) : [];
        var subgraphs = served.Supergraph.Subgraphs.Select(s =>
        {
            var entry = snapshot.Find(s.Name);
            var sdl = configured.FirstOrDefault(c => c.Name == s.Name)?.Sdl;
            var state = health.Of(s.Name);
            return new
            {
                name = s.Name,
                url = health.UrlOf(s),
                origin = entry is null ? "configured" : "registered",
                status = state is null ? "unknown" : state.Answering ? "answering" : "not answering",
                since = state?.Since,
                checkedAt = state?.CheckedAt,
                sdlHash = entry?.SdlHash ?? (sdl is null ? null : SubgraphEntry.Hash(sdl)),
                registeredAt = entry?.RegisteredAt,
                updatedAt = entry?.UpdatedAt,
                changedBy = entry?.ChangedBy,
            };
        }).ToArray();
        await AuditAsync(http, caller, "subgraph list", AuditOutcome.Ok).ConfigureAwait(false);
        return Results.Json(new
        {
            revision = served.Number,
            registryRevision = snapshot.Revision,
            supergraph = served.SupergraphHash,
            store = registry.Store.Description,
            followProblems = registry.FollowProblems,
            subgraphs,
        }, Json);
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, SubgraphChangeKind kind, string? name)
    {
        var (caller, status, problem) = await SystemOwnerCaller.AuthenticateAsync(http).ConfigureAwait(false);
        var described = $"subgraph {kind.ToString().ToLowerInvariant()} {name}".TrimEnd();
        if (caller is null)
        {
            await AuditAsync(http, null, described, AuditOutcome.Denied).ConfigureAwait(false);
            return Error(status, "FORBIDDEN", problem!);
        }

        SubgraphChangeBody body;
        try
        {
            body = kind == SubgraphChangeKind.Remove
                ? new SubgraphChangeBody { DryRun = IsTrue(http.Request.Query["dryRun"]), Force = IsTrue(http.Request.Query["force"]) }
                : await JsonSerializer.DeserializeAsync<SubgraphChangeBody>(http.Request.Body, Json, http.RequestAborted).ConfigureAwait(false) ?? new SubgraphChangeBody();
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "The body is not the JSON of a subgraph change: " + ex.Message);
        }

        name ??= body.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "The change names no subgraph ('name').");
        }

        var change = new SubgraphChange(kind, name, body.Url, body.Classifications, body.DryRun, body.Force);
        described = $"subgraph {kind.ToString().ToLowerInvariant()} {name}{(body.Url is null ? "" : " url=" + body.Url)}{(body.Classifications is null ? "" : " with classifications")}{(body.DryRun ? " (dry run)" : "")}{(body.Force ? " (forced)" : "")}";
        SubgraphChangeResult result;
        try
        {
            result = await http.RequestServices.GetRequiredService<SubgraphRegistry>().ApplyAsync(change, caller.User, http.RequestAborted).ConfigureAwait(false);
        }
        catch (RegistryStoreException ex)
        {
            await AuditAsync(http, caller, described, AuditOutcome.Error).ConfigureAwait(false);
            return Error(StatusCodes.Status503ServiceUnavailable, "REGISTRY_UNAVAILABLE", "The registry cannot be written, so nothing was changed: " + ex.Message);
        }

        await AuditAsync(http, caller, $"{described} -> {result.Outcome.ToString().ToLowerInvariant()} at revision {result.Revision}",
            result.Outcome == SubgraphChangeOutcome.Refused ? AuditOutcome.Denied : AuditOutcome.Ok).ConfigureAwait(false);
        return Results.Json(new
        {
            outcome = result.Outcome switch
            {
                SubgraphChangeOutcome.Applied => "applied",
                SubgraphChangeOutcome.DryRun => "dryRun",
                _ => "refused",
            },
            message = result.Message,
            revision = result.Revision,
            sdlHash = result.SdlHash,
            problems = result.Problems,
            warnings = result.Warnings,
            breaking = result.SchemaChanges?.IsBreaking ?? false,
            schemaChanges = result.SchemaChanges?.Changes.Select(c => new { severity = c.Severity.ToString().ToLowerInvariant(), c.Code, c.Coordinate, c.Message }),
            diff = result.SchemaChanges?.Describe(),
        }, Json, statusCode: StatusOf(result));
    }

    private static int StatusOf(SubgraphChangeResult result) => result.Outcome != SubgraphChangeOutcome.Refused
        ? StatusCodes.Status200OK
        : (result.Problems.Count > 0 ? result.Problems[0].Code : null) switch
        {
            "UNKNOWN_SUBGRAPH" => StatusCodes.Status404NotFound,
            "ALREADY_REGISTERED" or "CONFIGURED_SUBGRAPH" or "SCOPE_AUTHORITY" or "REGISTRY_BUSY" or "BREAKING_CHANGE" => StatusCodes.Status409Conflict,
            "INVALID_NAME" or "URL_REQUIRED" or "INVALID_URL" or "INVALID_REQUEST" => StatusCodes.Status400BadRequest,
            "SDL_UNAVAILABLE" or "CONFIGURED_SUBGRAPH_UNAVAILABLE" => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status422UnprocessableEntity,
        };

    /// <summary>Every registry call leaves an audit record, allowed or not, like every GraphQL request.</summary>
    private static async Task AuditAsync(HttpContext http, CallerIdentity? caller, string operation, AuditOutcome outcome)
    {
        if (http.RequestServices.GetService<GatewayAudit>() is not { } audit)
        {
            return;
        }

        await audit.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        await audit.Log.AppendAsync(new AuditEntry
        {
            RequestId = http.TraceIdentifier,
            User = caller?.User ?? GatewayAudit.Unidentified,
            Role = caller is null ? GatewayAudit.Unidentified : SystemOwnerCaller.Role,
            Organisation = caller?.Organisation ?? GatewayAudit.Unidentified,
            Purpose = "system_administration",
            OperationText = operation,
            Outcome = outcome,
        }, CancellationToken.None).ConfigureAwait(false);
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is "true" or "1" or "True";

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);

    private sealed record SubgraphChangeBody
    {
        public string? Name { get; init; }
        public string? Url { get; init; }
        public string? Classifications { get; init; }
        public bool DryRun { get; init; }
        public bool Force { get; init; }
    }
}
