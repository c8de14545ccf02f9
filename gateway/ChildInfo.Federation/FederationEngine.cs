using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Execution;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ChildInfo.Federation;

/// <summary>
/// The federation engine for one supergraph: validates, plans (with a plan cache) and executes client operations
/// against the subgraphs, knowing nothing of HTTP or policies (the host's callbacks bring those). Immutable and
/// thread-safe; build a new one when the supergraph changes. ("Gateway" names the whole product and its host.)
/// </summary>
public sealed class FederationEngine
{
    private readonly ISubgraphTransport _transport;
    private readonly OperationValidator _validator;
    private readonly PlanCache _cache;

    private FederationEngine(string supergraphSdl, SupergraphSchema supergraph, ISchema apiSchema, ISubgraphTransport transport, FederationEngineOptions options)
    {
        SupergraphSdl = supergraphSdl;
        Supergraph = supergraph;
        ApiSchema = apiSchema;
        _transport = transport;
        Options = options;
        Planner = new QueryPlanner(supergraph, options.Planner);
        _validator = new OperationValidator(apiSchema);
        _cache = new PlanCache(options.PlanCacheSize);
    }

    /// <summary>The supergraph SDL this gateway was built from.</summary>
    public string SupergraphSdl { get; }

    public SupergraphSchema Supergraph { get; }

    /// <summary>The API schema (GraphQL.NET), for validation and introspection.</summary>
    public ISchema ApiSchema { get; }

    public QueryPlanner Planner { get; }

    public FederationEngineOptions Options { get; }

    /// <summary>Number of compiled operations in the plan cache.</summary>
    public int CachedOperationCount => _cache.Count;

    /// <summary>
    /// Up to <paramref name="max"/> operations from the plan cache, recently used first: what a new engine (a swapped-in
    /// revision, or a restarted host) can be warmed with (<see cref="WarmAsync"/>).
    /// </summary>
    public IReadOnlyList<CachedOperation> RecentOperations(int max) => _cache.Recent(max);

    /// <summary>
    /// Compiles and plans an operation ahead of its first request, as that request would (same limits, same validation
    /// rules, the same field policy under the same scope key), for each <c>@include</c>/<c>@skip</c> key in
    /// <paramref name="operation"/> (or the variables' defaults when it lists none). Variable values are checked when
    /// requests bring them. Returns the refusal a request with this text would get, or null when it is planned.
    /// </summary>
    /// <param name="scopeKey">The scope key requests under <paramref name="policy"/> will bring (required with a policy).</param>
    public async Task<GraphQLError?> WarmAsync(CachedOperation operation, string? scopeKey, IFieldAccessPolicy? policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (policy is not null && scopeKey is null)
        {
            throw new ArgumentException("A field policy needs a plan-cache scope key that identifies its decisions.", nameof(scopeKey));
        }

        try
        {
            if (string.IsNullOrWhiteSpace(operation.Text) || operation.Text.Length > Options.MaxQueryLength)
            {
                throw new GatewayException(ErrorCodes.BadRequest, "The operation is empty or longer than the gateway accepts.");
            }

            if (!_cache.TryGet(operation.Text, operation.OperationName, scopeKey, out var compiled))
            {
                var document = OperationDocument.Parse(operation.Text, operation.OperationName, Options.MaxParserDepth);
                compiled = await CompileAsync(document, operation.Text, operation.OperationName, null, scopeKey, cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<ulong> keys = operation.ConditionKeys.Count > 0 ? operation.ConditionKeys : [ConditionVariables.Evaluate(compiled, default).Key];
            foreach (var key in keys.Take(CompiledOperation.MaxPlans))
            {
                if (compiled.ConditionVariables.Count < 64 && key >> compiled.ConditionVariables.Count != 0)
                {
                    continue; // Not a key of this document.
                }

                if (!compiled.Plans.ContainsKey(key) && compiled.Plans.Count < CompiledOperation.MaxPlans)
                {
                    compiled.Keep(key, Planner.Plan(compiled.Source, ConditionVariables.FromKey(compiled, key), policy));
                }
            }

            return null;
        }
        catch (Exception ex) when (Refusal(ex) is { } errors)
        {
            return errors[0];
        }
    }

    /// <summary>Loads the supergraph SDL and builds the gateway. Throws <see cref="SupergraphException"/> when it is not a federation 2 supergraph.</summary>
    public static FederationEngine Create(string supergraphSdl, ISubgraphTransport transport, FederationEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var supergraph = SupergraphLoader.Load(supergraphSdl);
        ISchema apiSchema;
        try
        {
            apiSchema = ApiSchemaFactory.Create(supergraph);
        }
        catch (Exception ex) when (ex is not SupergraphException)
        {
            throw new SupergraphException("The API schema derived from the supergraph is not valid: " + ex.Message, ex);
        }

        return new FederationEngine(supergraphSdl, supergraph, apiSchema, transport, options ?? new FederationEngineOptions());
    }

    /// <summary>Parses, validates and plans a request (from the plan cache when it can).</summary>
    /// <param name="scopeKey">Separates cached plans of callers whose plans may differ (for example by policy).</param>
    public Task<PrepareResult> PrepareAsync(GatewayRequest request, string? scopeKey = null, CancellationToken cancellationToken = default) =>
        PrepareAsync(request, scopeKey, null, cancellationToken);

    /// <summary>
    /// Parses, validates and plans a request under a field policy: every field <paramref name="policy"/> denies is left
    /// out of the plan and completes to null with an error. Plans are cached per <paramref name="scopeKey"/>, which must
    /// identify the policy's decisions (required with a policy). The query is parsed at most once, and not at all when
    /// its plan is cached; the result carries the parse (<see cref="PrepareResult.Document"/>) even when a later step
    /// refuses the operation, for the host to read rather than parse again.
    /// </summary>
    public async Task<PrepareResult> PrepareAsync(GatewayRequest request, string? scopeKey, IFieldAccessPolicy? policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policy is not null && scopeKey is null)
        {
            throw new ArgumentException("A field policy needs a plan-cache scope key that identifies its decisions.", nameof(scopeKey));
        }

        OperationDocument? document = null;
        try
        {
            var variables = request.Variables ?? default;
            if (variables.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
            {
                throw new GatewayException(ErrorCodes.BadRequest, "The variables must be a JSON object.");
            }

            var query = request.Query;
            if (string.IsNullOrWhiteSpace(query))
            {
                throw new GatewayException(ErrorCodes.BadRequest, "The request has no query.");
            }

            if (query.Length > Options.MaxQueryLength)
            {
                throw new GatewayException(ErrorCodes.QueryTooLarge, $"The query is longer than {Options.MaxQueryLength} characters.");
            }

            if (_cache.TryGet(query, request.OperationName, scopeKey, out var compiled))
            {
                document = compiled.Source;
                await ValidateVariablesAsync(compiled, variables, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                document = OperationDocument.Parse(query, request.OperationName, Options.MaxParserDepth);
                compiled = await CompileAsync(document, query, request.OperationName, variables, scopeKey, cancellationToken).ConfigureAwait(false);
            }

            var (conditionKey, conditions) = ConditionVariables.Evaluate(compiled, variables);
            var cached = compiled.Plans.TryGetValue(conditionKey, out var plan);
            FederationTelemetry.PlanCacheLookup(cached);
            if (!cached || plan is null)
            {
                // No operation name on this span: clients choose them, and the host's request span carries the
                // name only where it is registered.
                using var activity = FederationTelemetry.Source.StartActivity("plan");
                plan = Planner.Plan(compiled.Source, conditions, policy);
                compiled.Keep(conditionKey, plan);
            }

            if (plan.HasIntrospection && !Options.EnableIntrospection)
            {
                throw new GatewayException(ErrorCodes.ValidationFailed, "Introspection is disabled.");
            }

            return new PrepareResult(new PreparedOperation(request, compiled.Source, plan, variables, policy?.RecordGuard), null, document);
        }
        catch (Exception ex) when (Refusal(ex) is { } errors)
        {
            return new PrepareResult(null, GatewayResult.RequestError([.. errors]), document);
        }
    }

    /// <summary>The errors a refused operation answers with; null for an exception that is not a refusal.</summary>
    private static IReadOnlyList<GraphQLError>? Refusal(Exception exception) => exception switch
    {
        GatewayException ex => [new GraphQLError(ex.Message, ex.Code, null, ex.Locations)],
        PlanningException ex => [new GraphQLError(ex.Message, ex.Code)],
        RequestErrorsException ex => ex.Errors,
        _ => null,
    };

    /// <summary>Prepares and executes a request.</summary>
    public async Task<GatewayResult> ExecuteAsync(GatewayRequest request, string? scopeKey = null, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(request, scopeKey, cancellationToken).ConfigureAwait(false);
        return prepared.Operation is null
            ? prepared.Error!
            : await ExecuteAsync(prepared.Operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Executes a prepared operation. Subgraph failures give partial data with errors, never an exception; only
    /// cancellation of <paramref name="cancellationToken"/> throws.
    /// </summary>
    public Task<GatewayResult> ExecuteAsync(PreparedOperation operation, CancellationToken cancellationToken = default) =>
        ExecuteAsync(operation, null, cancellationToken);

    /// <summary>
    /// Executes a prepared operation, letting <paramref name="reader"/> read the response from the merged result before
    /// it is released (so that nothing needs to parse the written <c>data</c> back). Subgraph failures give partial data
    /// with errors, never an exception; only cancellation of <paramref name="cancellationToken"/> throws, or the reader.
    /// </summary>
    public async Task<GatewayResult> ExecuteAsync(PreparedOperation operation, IMergedResponseReader? reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var deadline = new CancellationTokenSource(Options.RequestDeadline);
        using var state = new ExecutionState(Supergraph, _transport, Options, operation.Variables, operation.Request.Context, operation.Guard, operation.Plan.ResponseKeys)
        {
            Deadline = deadline.Token,
            FetchAliases = operation.Plan.FetchAliases,
            NotesForwarding = reader is not null,
        };
        if (operation.Plan.HasIntrospection)
        {
            await IntrospectionExecutor.ExecuteAsync(ApiSchema, operation, state, cancellationToken).ConfigureAwait(false);
        }

        if (operation.Plan.Schedule.Length > 0)
        {
            await PlanExecutor.ExecuteAsync(operation.Plan.Schedule, state, cancellationToken).ConfigureAwait(false);
        }

        using var activity = FederationTelemetry.Source.StartActivity("merge");
        var responseWriter = new ResponseWriter(Supergraph, state);
        PooledBytes data;
        bool complete;
        using (var buffer = new PooledBufferWriter(4096))
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                complete = responseWriter.Complete(operation.Plan.Shape);
                if (complete)
                {
                    responseWriter.WriteData(writer, operation.Plan.Shape);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            // Still rented: the host returns it once the response is written (GatewayResult.ReleaseBuffers).
            data = buffer.Detach();
        }

        reader?.Read(MergedValue.Data(responseWriter, state.Data, operation.Plan.Shape, complete), state.Notices);

        var withheld = operation.Fields.Withheld;
        var guarded = operation.Guard is null ? [] : responseWriter.GuardWithheld();
        if (withheld.IsEmpty && guarded.Count == 0 && state.Notices.Count == 0)
        {
            return GatewayResult.Executed(data, state.Errors.ToArray());
        }

        var summary = new WithheldField[withheld.Length + guarded.Count];
        for (var i = 0; i < withheld.Length; i++)
        {
            summary[i] = new WithheldField(withheld[i], responseWriter.WithheldCount(withheld[i].Coordinate));
        }

        for (var i = 0; i < guarded.Count; i++)
        {
            summary[withheld.Length + i] = guarded[i];
        }

        var result = GatewayResult.Executed(data, state.Errors.ToArray(), summary, [.. state.Notices]);
        if (summary.Length > 0)
        {
            result = result.WithExtension("withheld", WithheldSummary.ToJson(summary));
        }

        foreach (var (name, entries) in NoticeSummary.ByExtension(state.Notices))
        {
            result = result.WithExtension(name, entries);
        }

        return result;
    }

    /// <summary>
    /// Measures a freshly parsed operation against the limits before anything whose cost grows faster than its text,
    /// then validates it (unless a reformatted copy of it is cached): with <paramref name="variables"/> when a request
    /// brings them, by the rules alone when warming (null).
    /// </summary>
    private async Task<CompiledOperation> CompileAsync(OperationDocument document, string text, string? operationName, JsonElement? variables, string? scopeKey, CancellationToken cancellationToken)
    {
        if (document.OperationType == OperationType.Subscription)
        {
            throw new GatewayException(ErrorCodes.OperationNotSupported, "Subscriptions are not supported.");
        }

        // Limits first, then the planner's own names (no client alias may stand where the gateway reads its own fields):
        // one pass over the document as written finds both.
        var measure = OperationMeasure.Take(document, Options);
        var normalised = document.Normalised();
        if (_cache.TryGet(normalised, operationName, scopeKey, out var cached))
        {
            if (variables is { } given)
            {
                await ValidateVariablesAsync(cached, given, cancellationToken).ConfigureAwait(false);
            }

            _cache.Add(text, operationName, scopeKey, cached);
            return cached;
        }

        if (variables is { } values)
        {
            await _validator.ValidateAsync(document.Document, document.Operation, values, fullValidation: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _validator.ValidateWithoutVariablesAsync(document.Document, document.Operation, cancellationToken).ConfigureAwait(false);
        }

        var compiled = new CompiledOperation(document, measure.ConditionVariables);
        _cache.Add(text, operationName, scopeKey, compiled);
        _cache.Add(normalised, operationName, scopeKey, compiled, normalised: true);
        return compiled;
    }

    /// <summary>Checks a cached operation's variable values: plainly valid built-in scalars at once, the rest by GraphQL.NET.</summary>
    private Task ValidateVariablesAsync(CompiledOperation cached, JsonElement variables, CancellationToken cancellationToken) =>
        cached.Variables.Accepts(variables)
            ? Task.CompletedTask
            : _validator.ValidateAsync(cached.Document, cached.Operation, variables, fullValidation: false, cancellationToken);
}
