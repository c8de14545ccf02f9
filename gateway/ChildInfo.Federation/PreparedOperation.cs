using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Planning;
using GraphQLParser.AST;

namespace ChildInfo.Federation;

/// <summary>A parsed, validated and planned operation, ready to execute.</summary>
public sealed class PreparedOperation
{
    internal PreparedOperation(GatewayRequest request, OperationDocument document, QueryPlan plan, JsonElement variables, IRecordGuard? guard = null)
    {
        Guard = guard;
        Request = request;
        Document = document;
        Plan = plan;
        Variables = variables;
    }

    public GatewayRequest Request { get; }

    /// <summary>The request's parsed operation, shared with everything that reads it.</summary>
    public OperationDocument Document { get; }

    public string? OperationName => Document.OperationName;

    public QueryPlan Plan { get; }

    public OperationType OperationType => Plan.Operation;

    /// <summary>Mutations must not run over HTTP GET.</summary>
    public bool IsMutation => Plan.Operation == OperationType.Mutation;

    /// <summary>The field coordinates served and the decisions of those withheld (empty without a field policy).</summary>
    public FieldSelection Fields => Plan.Fields;

    /// <summary>The plan's canonical text (for a diagnostics extension).</summary>
    public string PlanText => Plan.Text;

    internal JsonElement Variables { get; }

    /// <summary>The field policy's record guard, which checks fetched objects while this operation runs.</summary>
    internal IRecordGuard? Guard { get; }
}
