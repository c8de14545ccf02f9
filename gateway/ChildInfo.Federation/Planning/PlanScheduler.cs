using System.Text;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Turns the fetches of a planned operation into plan nodes: fetches run in dependency levels, the fetches of a level
/// in parallel; a mutation's root fetches run one after another, each with the fetches that hang off it.
/// </summary>
internal static class PlanScheduler
{
    public static PlanNode? Schedule(PlanContext context, GraphQLOperationDefinition operation)
    {
        if (context.Fetches.Count == 0)
        {
            return null;
        }

        var steps = context.Fetches.ToDictionary(f => f, f => BuildStep(f, operation));
        if (operation.Operation != OperationType.Mutation)
        {
            return Levels(context.Fetches, steps);
        }

        var groups = context.Fetches.GroupBy(f => f.Root.Group).OrderBy(g => g.Key).Select(g => Levels(g.ToList(), steps)).ToList();
        return groups.Count == 1 ? groups[0] : new SequenceStep(groups);
    }

    private static PlanNode Levels(List<FetchBuilder> fetches, Dictionary<FetchBuilder, PlanNode> steps)
    {
        var levels = new Dictionary<FetchBuilder, int>();
        foreach (var fetch in fetches)
        {
            LevelOf(fetch, levels, 0);
        }

        var nodes = new List<PlanNode>();
        foreach (var level in fetches.GroupBy(f => levels[f]).OrderBy(g => g.Key))
        {
            var members = level.OrderBy(f => f.Id).Select(f => steps[f]).ToList();
            nodes.Add(members.Count == 1 ? members[0] : new ParallelStep(members));
        }

        return nodes.Count == 1 ? nodes[0] : new SequenceStep(nodes);
    }

    private static int LevelOf(FetchBuilder fetch, Dictionary<FetchBuilder, int> levels, int depth)
    {
        if (levels.TryGetValue(fetch, out var known))
        {
            return known;
        }

        if (depth > 10_000)
        {
            throw new PlanningException("The fetches of the plan depend on each other in a cycle.");
        }

        var level = 0;
        foreach (var dependency in fetch.DependsOn)
        {
            level = Math.Max(level, LevelOf(dependency, levels, depth + 1) + 1);
        }

        levels[fetch] = level;
        return level;
    }

    private static PlanNode BuildStep(FetchBuilder fetch, GraphQLOperationDefinition operation)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        SelectionBuilder printed;
        if (fetch.IsEntity)
        {
            printed = new SelectionBuilder();
            var inner = printed.AddFragment(fetch.EntityType!);
            CopyInto(fetch.Selection, inner);
            body.Append("{_entities(representations:$representations)");
            printed.PrintCompact(body, variables);
            body.Append('}');
        }
        else
        {
            printed = fetch.Selection;
            printed.PrintCompact(body, variables);
        }

        var header = new StringBuilder(operation.Operation == OperationType.Mutation && !fetch.IsEntity ? "mutation" : "query");
        var name = operation.Name?.StringValue;
        if (!string.IsNullOrEmpty(name))
        {
            header.Append(' ').Append(name).Append("__").Append(Sanitize(fetch.Graph)).Append("__").Append(fetch.Id);
        }

        var definitions = new List<string>();
        if (fetch.IsEntity)
        {
            definitions.Add("$representations:[_Any!]!");
        }

        var used = new List<string>();
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var variableName = definition.Variable.Name.StringValue;
            if (variables.Contains(variableName))
            {
                used.Add(variableName);
                definitions.Add(new SDLPrinter().Print(definition));
            }
        }

        if (definitions.Count > 0)
        {
            header.Append('(').Append(string.Join(',', definitions)).Append(')');
        }

        var selectionText = new StringBuilder();
        printed.PrintPretty(selectionText, 0);
        EntityFetchInfo? entity = null;
        if (fetch.IsEntity)
        {
            var fields = Representation(fetch.RepresentationSet);
            var requires = new SelectionBuilder();
            var requiresInner = requires.AddFragment(fetch.RepresentationTypename!);
            requiresInner.AddField("__typename", "__typename", null, composite: false);
            AddRepresentation(requiresInner, fields);
            var requiresText = new StringBuilder();
            requires.PrintPretty(requiresText, 0);
            entity = new EntityFetchInfo(fetch.ObjectType!, fetch.RepresentationTypename!, fields, requiresText.ToString());
        }

        var step = new FetchStep(
            fetch.Id,
            fetch.Graph,
            fetch.IsEntity ? OperationType.Query : operation.Operation,
            header.Append(body).ToString(),
            used,
            selectionText.ToString(),
            entity);
        return fetch.IsEntity ? new FlattenStep(fetch.Path, step) : step;
    }

    private static string Sanitize(string graph)
    {
        var builder = new StringBuilder(graph.Length);
        foreach (var c in graph)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.ToString();
    }

    private static void CopyInto(SelectionBuilder source, SelectionBuilder target)
    {
        foreach (var entry in source.Entries)
        {
            if (entry.TypeCondition is not null)
            {
                CopyInto(entry.Sub!, target.AddFragment(entry.TypeCondition));
                continue;
            }

            var copy = target.AddField(entry.ResponseKey, entry.FieldName, entry.Node, entry.Sub is not null);
            if (entry.Sub is not null)
            {
                CopyInto(entry.Sub, copy.Sub!);
            }
        }
    }

    /// <summary>Merges key and required field sets into one representation selection, without duplicates.</summary>
    private static List<RepresentationField> Representation(IEnumerable<FieldSetNode> nodes)
    {
        var result = new List<RepresentationField>();
        foreach (var node in nodes)
        {
            var index = result.FindIndex(r => r.Name == node.FieldName && r.TypeCondition == node.TypeCondition);
            if (index < 0)
            {
                result.Add(new RepresentationField(node.FieldName, node.TypeCondition, Representation(node.Children)));
            }
            else if (node.Children.Count > 0)
            {
                var existing = result[index];
                result[index] = existing with { Children = Representation(ToNodes(existing.Children).Concat(node.Children)) };
            }
        }

        return result;
    }

    private static IEnumerable<FieldSetNode> ToNodes(IEnumerable<RepresentationField> fields) =>
        fields.Select(f => new FieldSetNode(f.Name, f.TypeCondition, ToNodes(f.Children).ToList()));

    private static void AddRepresentation(SelectionBuilder target, IReadOnlyList<RepresentationField> fields)
    {
        foreach (var field in fields)
        {
            if (field.Name is null)
            {
                AddRepresentation(target.AddFragment(field.TypeCondition!), field.Children);
                continue;
            }

            var entry = target.AddField(field.Name, field.Name, null, field.Children.Count > 0);
            if (field.Children.Count > 0)
            {
                AddRepresentation(entry.Sub!, field.Children);
            }
        }
    }
}
