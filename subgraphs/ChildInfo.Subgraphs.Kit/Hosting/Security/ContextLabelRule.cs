using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Linkage;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// Refuses, before anything is resolved, an operation that selects a field the signed context does not allow: a
/// field with a label outside <see cref="SubgraphContext.Labels"/>, a link field outside
/// <see cref="SubgraphContext.Links"/>, or a field with no classification at all. The gateway never asks for such a
/// field (it removes denied fields from its plans), so a refusal here means something went round or wrong at the
/// gateway, and the subgraph answers with no data rather than trust it. Federation plumbing (<c>_entities</c>,
/// <c>_service</c>) and introspection (<c>__typename</c>, <c>__schema</c>...) carry no child's information and pass;
/// cohort fields (<see cref="CohortFields.IsCohortField"/>) pass to their own guard, which wants counting labels;
/// linkage fields (<see cref="LinkageFields.IsLinkageField"/>) to theirs, which wants the linkage purpose;
/// the fields selected inside <c>_entities</c> are checked like any other.
/// </summary>
public sealed class ContextLabelRule(FieldClassification classification, SubgraphContext context) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext validation) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal) || ctx.TypeInfo.GetParentType()?.GetNamedType() is not IComplexGraphType parent
                || parent.Name.StartsWith("__", StringComparison.Ordinal))
            {
                return;
            }

            if (parent.Name == "Query" && name is "_entities" or "_service" || parent.Name == "_Service")
            {
                return;
            }

            // Cohort fields carry no row-level label: their resolvers serve them only under counting labels
            // (count:<label>), which a row-level context never holds.
            // Linkage fields likewise: their resolver serves them only to the linkage job's context (identify:<agency>).
            if (CohortFields.IsCohortField(parent.Name, name) || LinkageFields.IsLinkageField(parent.Name, name))
            {
                return;
            }

            if (classification.Check($"{parent.Name}.{name}", context) is { } refusal)
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, null, refusal.Message, field) { Code = refusal.Code });
            }
        }));
}
