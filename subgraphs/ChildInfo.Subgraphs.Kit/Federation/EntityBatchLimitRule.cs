using System.Collections;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ChildInfo.Subgraphs.Kit.Federation;

/// <summary>
/// Refuses an <c>_entities</c> call with more representations than the subgraph accepts in one batch, before
/// any of them reaches the database.
/// </summary>
public sealed class EntityBatchLimitRule(int maxRepresentations) : ValidationRuleBase
{
    public int MaxRepresentations { get; } = maxRepresentations;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Name.Value != "_entities")
            {
                return;
            }

            var argument = field.Arguments?.FirstOrDefault(a => a.Name.Value == "representations");
            var count = argument?.Value switch
            {
                GraphQLListValue list => list.Values?.Count ?? 0,
                GraphQLVariable variable when ctx.Variables is { } inputs
                    && inputs.TryGetValue(variable.Name.StringValue, out var value) && value is IList values => values.Count,
                _ => 0,
            };
            if (count > MaxRepresentations)
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, null,
                    $"_entities was called with {count} representations; this subgraph accepts at most {MaxRepresentations} in one call. Split the batch.",
                    field) { Code = "ENTITY_BATCH_TOO_LARGE" });
            }
        }));
}
