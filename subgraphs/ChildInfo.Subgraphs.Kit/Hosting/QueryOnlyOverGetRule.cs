using GraphQL.Validation;
using GraphQLParser.AST;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>
/// Refuses a mutation sent with GET (GraphQL over HTTP: GET is for queries): a write must never ride on a request
/// that links, caches and prefetchers may repeat.
/// </summary>
internal sealed class QueryOnlyOverGetRule : ValidationRuleBase
{
    public const string Code = "MUTATION_OVER_GET";

    public static QueryOnlyOverGetRule Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation)
        {
            context.ReportError(new ValidationError(context.Document.Source, null, "A mutation must be sent with POST, not GET.", context.Operation) { Code = Code });
        }

        return new((INodeVisitor?)null);
    }
}
