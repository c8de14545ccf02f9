using System.Collections.Immutable;
using ChildInfo.Federation.Composition;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Gateway.Warming;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Applies system owners' changes and follows everyone else's. A change fetches the subgraph's SDL, composes the
/// new supergraph with the registered classifications, compares its API schema with the one served, and only then
/// writes the registry (compare-and-set) and swaps the new revision in. Following re-reads the registry when the
/// store says it changed (another replica's write, or a reconnect) and swaps in what it builds; a registry that no
/// longer builds keeps the last good revision and reports why. Changes and follows are serialised per process.
/// </summary>
public sealed partial class SubgraphRegistry(
    GatewayState state,
    IRegistryStore store,
    RevisionBuilder builder,
    ConfiguredSubgraphs configured,
    HttpClient client,
    TimeProvider time,
    ILogger<SubgraphRegistry> logger,
    PlanWarmer? warmer = null) : IDisposable
{
    private const int WriteAttempts = 3;
    private readonly SemaphoreSlim _serial = new(1, 1);

    public IRegistryStore Store => store;

    public void Dispose() => _serial.Dispose();

    public ConfiguredSubgraphs Configured => configured;

    /// <summary>Why the last follow could not build the registry's revision (empty when it could).</summary>
    public IReadOnlyList<RegistryProblem> FollowProblems { get; private set; } = [];

    /// <summary>The registry as stored now.</summary>
    public Task<RegistrySnapshot> ReadAsync(CancellationToken cancellationToken) => store.ReadAsync(cancellationToken);

    public async Task<SubgraphChangeResult> ApplyAsync(SubgraphChange change, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < WriteAttempts; attempt++)
            {
                var snapshot = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
                IReadOnlyList<SubgraphSdl> baseline;
                try
                {
                    baseline = await configured.GetAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SubgraphSdlException ex)
                {
                    return Refuse("CONFIGURED_SUBGRAPH_UNAVAILABLE", "The gateway cannot compose a new supergraph while a configured subgraph's SDL cannot be fetched: " + ex.Message);
                }

                var next = await NextEntriesAsync(change, snapshot, changedBy, cancellationToken).ConfigureAwait(false);
                if (next.Refusal is { } refusal)
                {
                    return refusal;
                }

                var candidate = builder.Build(baseline, new RegistrySnapshot(snapshot.Revision + 1, next.Entries));
                if (candidate.Revision is not { } revision)
                {
                    return new SubgraphChangeResult(SubgraphChangeOutcome.Refused,
                        $"The change to '{change.Name}' was refused: the new supergraph does not pass its checks.", state.Current.Number, candidate.Problems, null, next.SdlHash);
                }

                var (outage, warnings) = OutageWarnings(candidate, change.Name);
                if (outage.Count > 0 && !change.Force)
                {
                    return new SubgraphChangeResult(SubgraphChangeOutcome.Refused,
                        $"The change to '{change.Name}' was refused: it declares a field non-null that the gateway fetches from '{change.Name}' separately from the object holding it. " +
                        $"If '{change.Name}' fails or is slow, that null would blank the whole object, and every other agency's data in it, instead of costing only '{change.Name}''s fields. " +
                        "Make the field nullable in the subgraph's schema; nothing was changed. Repeat with force to apply it anyway.",
                        state.Current.Number, outage, null, next.SdlHash);
                }

                var diff = ApiSchemaDiff.Compare(state.Current.Supergraph.ApiSdl, revision.Supergraph.ApiSdl);
                if (diff.IsBreaking && !change.Force)
                {
                    return new SubgraphChangeResult(SubgraphChangeOutcome.Refused,
                        $"The change to '{change.Name}' would break queries the gateway answers today; nothing was changed. Repeat with force to apply it anyway.",
                        state.Current.Number,
                        [.. diff.Changes.Where(c => c.Severity == SchemaChangeSeverity.Breaking).Select(c => new RegistryProblem("BREAKING_CHANGE", c.Message))],
                        diff, next.SdlHash);
                }

                if (change.DryRun)
                {
                    return new SubgraphChangeResult(SubgraphChangeOutcome.DryRun,
                        $"Dry run: the change to '{change.Name}' passes its checks; nothing was changed.", state.Current.Number, [], diff, next.SdlHash) { Warnings = warnings };
                }

                var written = await store.TryWriteAsync(snapshot.Revision, next.Entries, cancellationToken).ConfigureAwait(false);
                if (written is null)
                {
                    continue; // Another system owner or replica wrote first: re-read and check again.
                }

                var served = new GatewayRevision(revision.Gateway, revision.Policies, written.Revision);
                await WarmAsync(served).ConfigureAwait(false);
                state.Swap(served);
                FollowProblems = [];
                LogApplied(logger, change.Kind, change.Name, written.Revision, changedBy);
                return new SubgraphChangeResult(SubgraphChangeOutcome.Applied,
                    $"{Verb(change.Kind)} '{change.Name}': the gateway now serves registry revision {written.Revision}.", written.Revision, [], diff, next.SdlHash) { Warnings = warnings };
            }

            return Refuse("REGISTRY_BUSY", "The registry kept changing while this change was checked; nothing was changed. Try again.");
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>
    /// Readies this replica to follow changes at once: fetches the configured subgraphs' SDLs (which the first change
    /// would otherwise wait for) and builds the registry's revision once, off the request path and without swapping
    /// it in, so that the first follow does not pay for the first run of composition and policy loading either.
    /// Whatever fails here is left for the first change to report.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sdls = await configured.GetAsync(cancellationToken).ConfigureAwait(false);
            _ = builder.Build(sdls, await store.ReadAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is SubgraphSdlException or RegistryStoreException)
        {
            LogPrepareFailed(logger, ex.Message);
        }
    }

    /// <summary>Brings the served revision up to the registry's; keeps the last good one when the registry does not build.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (snapshot.Revision == state.Current.Number || (snapshot.Revision == 0 && !configured.Known))
            {
                return;
            }

            var sdls = await configured.GetAsync(cancellationToken).ConfigureAwait(false);
            var building = time.GetTimestamp();
            var build = builder.Build(sdls, snapshot);
            var built = time.GetElapsedTime(building);
            if (build.Revision is not { } revision)
            {
                FollowProblems = build.Problems;
                LogFollowFailed(logger, snapshot.Revision, state.Current.Number, string.Join(" ", build.Problems.Select(p => p.Message)));
                return;
            }

            FollowProblems = [];
            await WarmAsync(revision).ConfigureAwait(false);
            state.Swap(revision);
            LogFollowed(logger, revision.Number, revision.SupergraphHash, time.GetElapsedTime(started).TotalMilliseconds, built.TotalMilliseconds);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>
    /// Plans what the served revision has been planning in the next one before it is swapped in. Not cancellable: by
    /// now the registry is written, and the swap must follow; the work is bounded by the warmer's operation count.
    /// </summary>
    private async Task WarmAsync(GatewayRevision next)
    {
        if (warmer is null || warmer.MaxOperations == 0)
        {
            return;
        }

        var warming = await warmer.WarmAsync(next, warmer.RecentOf(state.Current), CancellationToken.None).ConfigureAwait(false);
        LogWarmed(logger, warming.Planned, next.Number, warming.Elapsed.TotalMilliseconds, warming.Skipped, warming.Refused, warming.Left);
    }

    private async Task<NextEntries> NextEntriesAsync(SubgraphChange change, RegistrySnapshot snapshot, string changedBy, CancellationToken cancellationToken)
    {
        var registered = snapshot.Find(change.Name);
        var isConfigured = configured.Names.Contains(change.Name, StringComparer.Ordinal);
        if (change.Name == builder.ScopeAuthority && !(change.Kind == SubgraphChangeKind.Remove && registered is not null))
        {
            // The index decides every caller's record scope and vouches for the keys other agencies serve: whether and
            // where it is served is the gateway's configuration, changed with a restart, never a runtime change a token
            // could make (adding it where none is configured would be one). Removing an entry a registry already holds
            // for it is allowed: it only hands the index back to the configuration.
            return NextEntries.Refused(Refuse("SCOPE_AUTHORITY", isConfigured || change.Kind != SubgraphChangeKind.Add
                ? $"'{change.Name}' decides record scope for every request, so where it is belongs to the gateway's configuration, not the registry: change the configured address and restart; nothing was changed."
                : $"'{change.Name}' decides record scope for every request, so it is served only from the gateway's configuration, not the registry: configure it (a supergraph or subgraph list naming it) and restart; nothing was changed."));
        }

        switch (change.Kind)
        {
            case SubgraphChangeKind.Remove when registered is null:
                return NextEntries.Refused(isConfigured
                    ? Refuse("CONFIGURED_SUBGRAPH", $"'{change.Name}' was configured when the gateway started, not registered; remove it from the gateway's configuration instead.")
                    : Refuse("UNKNOWN_SUBGRAPH", $"No subgraph named '{change.Name}' is registered."));
            case SubgraphChangeKind.Remove:
                return new NextEntries(snapshot.Without(change.Name), null, null);
            case SubgraphChangeKind.Add when registered is not null || isConfigured:
                return NextEntries.Refused(Refuse("ALREADY_REGISTERED", $"A subgraph named '{change.Name}' is already served; use update to change it."));
            case SubgraphChangeKind.Update when registered is null && !isConfigured:
                return NextEntries.Refused(Refuse("UNKNOWN_SUBGRAPH", $"No subgraph named '{change.Name}' is served; use add to register it."));
        }

        var url = change.Url ?? registered?.Url ?? CurrentUrl(change.Name);
        if (string.IsNullOrWhiteSpace(url))
        {
            return NextEntries.Refused(Refuse("URL_REQUIRED", $"Registering '{change.Name}' needs the URL of its GraphQL endpoint."));
        }

        if (!SubgraphEntry.IsValidName(change.Name))
        {
            return NextEntries.Refused(Refuse("INVALID_NAME", $"'{change.Name}' is not a usable subgraph name: use letters, digits, '-' or '_', starting with a letter (at most {SubgraphEntry.MaxNameLength})."));
        }

        if (!SubgraphEntry.IsValidUrl(url))
        {
            return NextEntries.Refused(Refuse("INVALID_URL", $"'{change.Name}' was not registered: {SubgraphEntry.UrlProblem}"));
        }

        string sdl;
        try
        {
            sdl = await SubgraphSdlFetcher.FetchAsync(client, url, cancellationToken).ConfigureAwait(false);
        }
        catch (SubgraphSdlException ex)
        {
            return NextEntries.Refused(Refuse("SDL_UNAVAILABLE", $"The SDL of '{change.Name}' could not be fetched, so nothing was changed: {ex.Message}"));
        }

        SubgraphEntry entry;
        try
        {
            entry = SubgraphEntry.Create(change.Name, url, sdl, change.Classifications ?? registered?.Classifications, time.GetUtcNow(), changedBy, registered);
        }
        catch (ArgumentException ex)
        {
            return NextEntries.Refused(Refuse("INVALID_REQUEST", ex.Message));
        }

        return new NextEntries(snapshot.With(entry), entry.SdlHash, null);
    }

    /// <summary>
    /// Composition's warnings as problems: those the changed subgraph must fix (refused unless forced), and all of
    /// them, to report with whatever is applied.
    /// </summary>
    private static (IReadOnlyList<RegistryProblem> Outage, IReadOnlyList<RegistryProblem> All) OutageWarnings(RevisionBuild build, string subgraph)
    {
        static RegistryProblem Problem(CompositionError w) => new(w.Code, $"{(w.Subgraph is null ? "" : $"[{w.Subgraph}] ")}{w.Message}");
        var outage = build.Warnings
            .Where(w => w.Code == CompositionErrorCodes.CrossSubgraphNonNull && string.Equals(w.Subgraph, subgraph, StringComparison.Ordinal))
            .Select(Problem)
            .ToList();
        return (outage, [.. build.Warnings.Select(Problem)]);
    }

    private string? CurrentUrl(string name) =>
        state.Current.Supergraph.Subgraphs.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))?.Url;

    private SubgraphChangeResult Refuse(string code, string message) =>
        new(SubgraphChangeOutcome.Refused, message, state.Current.Number, [new RegistryProblem(code, message)]);

    private static string Verb(SubgraphChangeKind kind) => kind switch
    {
        SubgraphChangeKind.Add => "Registered",
        SubgraphChangeKind.Update => "Updated",
        _ => "Removed",
    };

    private sealed record NextEntries(ImmutableArray<SubgraphEntry> Entries, string? SdlHash, SubgraphChangeResult? Refusal)
    {
        public static NextEntries Refused(SubgraphChangeResult refusal) => new([], null, refusal);
    }

    [LoggerMessage(EventIds.RegistryChangeApplied, LogLevel.Information, "{Kind} subgraph '{Name}' by {User}: now serving registry revision {Revision}.")]
    private static partial void LogApplied(ILogger logger, SubgraphChangeKind kind, string name, long revision, string user);

    [LoggerMessage(EventIds.RegistryNotPrepared, LogLevel.Warning, "Could not ready the registry for changes at start; the first change will try again: {Problem}")]
    private static partial void LogPrepareFailed(ILogger logger, string problem);

    [LoggerMessage(EventIds.PlansWarmed, LogLevel.Information, "Planned {Planned} recent operations for revision {Revision} before serving it ({Milliseconds:F0} ms; {Skipped} no longer bound, {Refused} refused, {Left} left to their first requests).")]
    private static partial void LogWarmed(ILogger logger, int planned, long revision, double milliseconds, int skipped, int refused, int left);

    [LoggerMessage(EventIds.RegistryFollowed, LogLevel.Information, "Followed the registry to revision {Revision} (supergraph {Hash}) in {Milliseconds:F0} ms, {BuildMilliseconds:F0} ms of it building the revision.")]
    private static partial void LogFollowed(ILogger logger, long revision, string hash, double milliseconds, double buildMilliseconds);

    [LoggerMessage(EventIds.RegistryRevisionDoesNotBuild, LogLevel.Error, "Registry revision {Revision} does not build; still serving revision {Served}: {Problems}")]
    private static partial void LogFollowFailed(ILogger logger, long revision, long served, string problems);
}
