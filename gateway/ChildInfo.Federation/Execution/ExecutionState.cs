using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Execution;

/// <summary>The state of executing one plan: the merged result, the errors, the documents to release.</summary>
internal sealed class ExecutionState : IDisposable
{
    private readonly List<SubgraphResponse> _responses = [];

    public ExecutionState(SupergraphSchema schema, ISubgraphTransport transport, FederationEngineOptions options, JsonElement variables, object? context, IRecordGuard? guard = null, ResultNames? responseKeys = null)
    {
        Names = new ResultNames(responseKeys);
        Guard = guard;
        Schema = schema;
        Transport = transport;
        Options = options;
        Variables = variables;
        Context = context;
    }

    public SupergraphSchema Schema { get; }

    public ISubgraphTransport Transport { get; }

    public FederationEngineOptions Options { get; }

    public JsonElement Variables { get; }

    public object? Context { get; }

    /// <summary>Cancelled when the request's deadline passes (<see cref="FederationEngineOptions.RequestDeadline"/>).</summary>
    public CancellationToken Deadline { get; init; }

    /// <summary>The plan's <see cref="Planning.QueryPlan.FetchAliases"/>: client keys for the planner's aliases of client fields.</summary>
    public IReadOnlyDictionary<string, string>? FetchAliases { get; init; }

    /// <summary>
    /// Whether objects note the fields their representations carried beyond the key (<see cref="ResultObject.Forwarded"/>):
    /// only a reader of the merged result (the host's audit) asks for them, so without one they are not worked out.
    /// </summary>
    public bool NotesForwarding { get; init; }

    public ResultObject Data { get; } = new(default);

    /// <summary>The property names of the subgraphs' answers, each read once (guarded by <see cref="Gate"/>).</summary>
    public ResultNames Names { get; }

    public List<GraphQLError> Errors { get; } = [];

    /// <summary>Paths under which data is missing because a fetch failed (an empty path: everything).</summary>
    public List<object[]> FailedPaths { get; } = [];

    public Lock Gate { get; } = new();

    /// <summary>Objects an entity call has collected, reused by every call of the request (guarded by <see cref="Gate"/>).</summary>
    public List<(ResultObject Object, object[]? Path)> Collected { get; } = [];

    /// <summary>Checks the objects the plan's guard points name; null when the request has no record guard.</summary>
    public IRecordGuard? Guard { get; }

    /// <summary>What the record guard reported, in the order met (guarded by <see cref="Gate"/>).</summary>
    public List<RecordNotice> Notices { get; } = [];

    public void Keep(SubgraphResponse response)
    {
        lock (Gate)
        {
            _responses.Add(response);
        }
    }

    public void Dispose()
    {
        foreach (var response in _responses)
        {
            response.Dispose();
        }

        _responses.Clear();
    }
}
