using System.Text;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Turns the fetches of a planned operation into plan nodes. Entity fetches to one subgraph at the same path whose
/// dependencies are the same become one fetch (one <c>_entities</c> selection with the representations of every type),
/// and the entity fetches to one subgraph at one planning level become one call (<see cref="BatchStep"/>).
/// Execution follows the schedule, starting each fetch as soon as the fetches it depends on complete, and the canonical
/// text prints the schedule (<see cref="PlanPrinter"/>); the root node, Apollo-style dependency levels with the fetches
/// of a level in parallel, is kept for walking the plan's fetches. A mutation's root fetches run one after another, each
/// with the fetches that hang off it.
/// </summary>
internal static class PlanScheduler
{
    public static (PlanNode? Root, ScheduledStep[] Schedule) Schedule(PlanContext context, GraphQLOperationDefinition operation)
    {
        if (context.Fetches.Count == 0)
        {
            return (null, []);
        }

        var levels = new Dictionary<FetchBuilder, int>();
        foreach (var fetch in context.Fetches)
        {
            LevelOf(fetch, levels, 0);
        }

        var calls = Batch(Merge(context.Fetches, levels));
        var schedule = new ScheduledStep[calls.Count];
        var steps = new PlanNode[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            var parts = calls[i].Parts;
            steps[i] = parts.Count == 1 ? BuildStep(parts[0].Members, operation, part: null) : BuildBatch(parts, operation);
            schedule[i] = new ScheduledStep(steps[i], [.. calls[i].DependsOn.Select(d => d.Position).Order()]);
        }

        var byMutation = calls.GroupBy(c => c.MutationGroup).OrderBy(g => g.Key).Select(g => Levels(g, steps)).ToList();
        return (byMutation.Count == 1 ? byMutation[0] : new SequenceStep(byMutation), schedule);
    }

    /// <summary>
    /// Makes one subgraph call of the entity fetch groups to one subgraph at one planning level (their paths differ, or
    /// their dependencies do), as Apollo-style planners do: a call waits for what any of its parts waits for, and no
    /// more calls go to a subgraph than there are levels. Calls keep the groups' dependency order: by mutation group,
    /// then level on the groups' own dependencies, then the order the groups were made in.
    /// </summary>
    private static List<FetchCall> Batch(List<FetchGroup> groups)
    {
        if (!HasBatch(groups))
        {
            // No two entity groups could share a call (the usual case): one call each, in the groups' own order.
            var single = new List<FetchCall>(groups.Count);
            foreach (var group in groups)
            {
                var call = new FetchCall(single.Count, group.MutationGroup, 0, group.Level);
                call.Parts.Add(group);
                foreach (var dependency in group.DependsOn)
                {
                    call.DependsOn.Add(single[dependency.Position]);
                }

                single.Add(call);
            }

            return single;
        }

        var levelOf = new Dictionary<FetchGroup, int>(groups.Count);
        foreach (var group in groups)
        {
            // Groups come after the groups they depend on.
            levelOf[group] = group.DependsOn.Count == 0 ? 0 : group.DependsOn.Max(d => levelOf[d]) + 1;
        }

        var calls = new List<FetchCall>(groups.Count);
        var callOf = new Dictionary<FetchGroup, FetchCall>(groups.Count);
        foreach (var group in groups.OrderBy(g => g.MutationGroup).ThenBy(g => levelOf[g]).ThenBy(g => g.Position))
        {
            var first = group.Members[0];
            var level = levelOf[group];
            var call = first.IsEntity
                ? calls.Find(c => c.Parts[0].Members[0].IsEntity && c.Parts[0].Members[0].Graph == first.Graph
                    && c.MutationGroup == group.MutationGroup && c.BatchLevel == level)
                : null;
            if (call is null)
            {
                call = new FetchCall(calls.Count, group.MutationGroup, level, group.Level);
                calls.Add(call);
            }

            call.Parts.Add(group);
            callOf[group] = call;
            foreach (var dependency in group.DependsOn)
            {
                call.DependsOn.Add(callOf[dependency]);
            }
        }

        return calls;
    }

    /// <summary>
    /// Groups the fetches in dependency order, merging entity fetches that share subgraph, path, mutation group and
    /// dependencies (and send different entity types); a mutation's root fetch depends on everything before it.
    /// </summary>
    private static List<FetchGroup> Merge(List<FetchBuilder> fetches, Dictionary<FetchBuilder, int> levels)
    {
        var ordered = fetches.OrderBy(f => f.Root.Group).ThenBy(f => levels[f]).ThenBy(f => f.Id).ToList();
        var groupOf = new Dictionary<FetchBuilder, FetchGroup>();
        var groups = new List<FetchGroup>();
        foreach (var fetch in ordered)
        {
            var dependsOn = new HashSet<FetchGroup>(fetch.DependsOn.Select(d => groupOf[d]));
            if (!fetch.IsEntity && fetch.Group > 0)
            {
                dependsOn.UnionWith(groups.Where(g => g.MutationGroup < fetch.Group));
            }

            FetchGroup? group = null;
            var pathText = fetch.Path.Length == 0 ? string.Empty : string.Join('.', fetch.Path);
            if (fetch.IsEntity)
            {
                group = groups.Find(g => g.Members[0].IsEntity
                    && g.Members[0].Graph == fetch.Graph
                    && g.PathText == pathText
                    && g.MutationGroup == fetch.Root.Group
                    && g.DependsOn.SetEquals(dependsOn)
                    && g.Members.TrueForAll(m => m.EntityType != fetch.EntityType));
            }

            if (group is null)
            {
                group = new FetchGroup(groups.Count, fetch.Root.Group, pathText, levels[fetch], dependsOn);
                groups.Add(group);
            }

            group.Members.Add(fetch);
            groupOf[fetch] = group;
        }

        return groups;
    }

    /// <summary>Whether two entity groups go to the same subgraph within one mutation group (and so may share a call).</summary>
    private static bool HasBatch(List<FetchGroup> groups)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            var a = groups[i].Members[0];
            if (!a.IsEntity)
            {
                continue;
            }

            for (var j = i + 1; j < groups.Count; j++)
            {
                var b = groups[j].Members[0];
                if (b.IsEntity && b.Graph == a.Graph && groups[j].MutationGroup == groups[i].MutationGroup)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static PlanNode Levels(IEnumerable<FetchCall> calls, PlanNode[] steps)
    {
        var nodes = new List<PlanNode>();
        foreach (var level in calls.GroupBy(c => c.Level).OrderBy(g => g.Key))
        {
            var members = level.OrderBy(c => c.Parts[0].Members[0].Id).Select(c => steps[c.Position]).ToList();
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

    /// <summary>
    /// The plan node for one group of fetches. <paramref name="part"/> is its position in a <see cref="BatchStep"/>
    /// (its <c>_entities</c> selection and representations variable then go under planner aliases), null when alone.
    /// </summary>
    private static PlanNode BuildStep(List<FetchBuilder> members, GraphQLOperationDefinition operation, int? part)
    {
        var fetch = members[0];
        var variables = new HashSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        SelectionBuilder printed;
        var representations = part is { } index ? PlannerAliases.For("representations" + index) : RepresentationsVariable(operation);
        var responseName = part is { } position ? PlannerAliases.For("entities" + position) : "_entities";
        if (fetch.IsEntity)
        {
            printed = EntitySelection(members);
            body.Append('{');
            AppendEntities(body, printed, part is null ? null : responseName, representations, variables);
            body.Append('}');
        }
        else
        {
            printed = fetch.Selection;
            printed.PrintCompact(body, variables);
        }

        var header = Header(operation, fetch);
        var definitions = new List<string>();
        if (fetch.IsEntity)
        {
            definitions.Add("$" + representations + ":[_Any!]!");
        }

        var used = UsedVariables(operation, variables, definitions);
        if (definitions.Count > 0)
        {
            header.Append('(').Append(string.Join(',', definitions)).Append(')');
        }

        var selectionText = new StringBuilder();
        printed.PrintPretty(selectionText, 0);
        EntityFetchInfo? entity = null;
        if (fetch.IsEntity)
        {
            var requires = new SelectionBuilder();
            var targets = new List<EntityTarget>(members.Count);
            foreach (var member in members)
            {
                var requiresInner = requires.AddFragment(member.RepresentationTypename!);
                requiresInner.AddField("__typename", "__typename", null, composite: false);
                AddRepresentation(requiresInner, Merged(member.RepresentationSet));
                targets.Add(new EntityTarget(member.ObjectType!, member.RepresentationTypename!, member.Representation.Build()) { Key = member.KeySet ?? [] });
            }

            var requiresText = new StringBuilder();
            requires.PrintPretty(requiresText, 0);
            entity = new EntityFetchInfo(targets, requiresText.ToString()) { RepresentationsVariable = representations, ResponseName = responseName };
        }

        var step = new FetchStep(
            fetch.Id,
            fetch.Graph,
            fetch.IsEntity ? OperationType.Query : operation.Operation,
            header.Append(body).ToString(),
            used,
            selectionText.ToString(),
            entity)
        {
            Guards = members.Any(m => m.Guards is not null) ? [.. members.SelectMany(m => m.Guards ?? [])] : [],
            RootKeys = fetch.IsEntity ? [] : RootKeys(fetch.Selection),
        };
        return fetch.IsEntity ? new FlattenStep(fetch.Path, step) : step;
    }

    /// <summary>
    /// One call for entity fetch groups at several paths: their <c>_entities</c> selections side by side under planner
    /// aliases, each with a representations variable of its own. Each part keeps the whole operation's text, as sent.
    /// </summary>
    private static BatchStep BuildBatch(List<FetchGroup> parts, GraphQLOperationDefinition operation)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder("{");
        var definitions = new List<string>(parts.Count);
        var steps = new List<FlattenStep>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var step = (FlattenStep)BuildStep(parts[i].Members, operation, i);
            steps.Add(step);
            var entity = step.Fetch.Entity!;
            if (i > 0)
            {
                body.Append(' ');
            }

            AppendEntities(body, EntitySelection(parts[i].Members), entity.ResponseName, entity.RepresentationsVariable, variables);
            definitions.Add("$" + entity.RepresentationsVariable + ":[_Any!]!");
        }

        body.Append('}');
        var first = parts[0].Members[0];
        var header = Header(operation, first);
        var used = UsedVariables(operation, variables, definitions);
        header.Append('(').Append(string.Join(',', definitions)).Append(')');
        var text = header.Append(body).ToString();
        var call = new FetchStep(first.Id, first.Graph, OperationType.Query, text, used, string.Empty, steps[0].Fetch.Entity);
        return new BatchStep(call, [.. steps.Select(s => s with { Fetch = s.Fetch with { OperationText = text } })]);
    }

    /// <summary>The selection inside <c>_entities</c>: each member's fields under its entity type.</summary>
    private static SelectionBuilder EntitySelection(List<FetchBuilder> members)
    {
        var printed = new SelectionBuilder();
        foreach (var member in members)
        {
            CopyInto(member.Selection, printed.AddFragment(member.EntityType!));
        }

        return printed;
    }

    private static void AppendEntities(StringBuilder body, SelectionBuilder selection, string? alias, string representations, HashSet<string> variables)
    {
        if (alias is not null)
        {
            body.Append(alias).Append(':');
        }

        body.Append("_entities(representations:$").Append(representations).Append(')');
        selection.PrintCompact(body, variables);
    }

    private static StringBuilder Header(GraphQLOperationDefinition operation, FetchBuilder fetch)
    {
        var header = new StringBuilder(operation.Operation == OperationType.Mutation && !fetch.IsEntity ? "mutation" : "query");
        var name = operation.Name?.StringValue;
        if (!string.IsNullOrEmpty(name))
        {
            header.Append(' ').Append(name).Append("__").Append(Sanitize(fetch.Graph)).Append("__").Append(fetch.Id);
        }

        return header;
    }

    /// <summary>The client's variables a fetch uses, in the operation's order, with their definitions added to <paramref name="definitions"/>.</summary>
    private static List<string> UsedVariables(GraphQLOperationDefinition operation, HashSet<string> variables, List<string> definitions)
    {
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

        return used;
    }

    /// <summary>
    /// The variable an <c>_entities</c> call passes its representations in: <c>representations</c>, or the planner's
    /// alias of it when the client's operation has a variable of that name (which the call may forward too).
    /// </summary>
    private static string RepresentationsVariable(GraphQLOperationDefinition operation)
    {
        const string name = "representations";
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            if (definition.Variable.Name.StringValue == name)
            {
                return PlannerAliases.For(name);
            }
        }

        return name;
    }

    /// <summary>The response keys of a root selection's fields, inline fragments included, <c>__typename</c> left out.</summary>
    private static List<string> RootKeys(SelectionBuilder selection)
    {
        var keys = new List<string>();
        foreach (var entry in selection.Entries)
        {
            if (entry.TypeCondition is not null)
            {
                keys.AddRange(RootKeys(entry.Sub!).Where(k => !keys.Contains(k)));
            }
            else if (entry.ResponseKey != "__typename" && !keys.Contains(entry.ResponseKey))
            {
                keys.Add(entry.ResponseKey);
            }
        }

        return keys;
    }

    /// <summary>Fetch groups sent as one subgraph call, with the calls they wait for.</summary>
    private sealed class FetchCall(int position, int mutationGroup, int batchLevel, int level)
    {
        public int Position { get; } = position;

        public int MutationGroup { get; } = mutationGroup;

        /// <summary>The level on the groups' own dependencies (a mutation's root fetch after everything before it).</summary>
        public int BatchLevel { get; } = batchLevel;

        /// <summary>The Apollo-style level of the first part, for the plan's tree of nodes.</summary>
        public int Level { get; } = level;

        public List<FetchGroup> Parts { get; } = [];

        public HashSet<FetchCall> DependsOn { get; } = [];
    }

    /// <summary>Fetches at one path that share one <c>_entities</c> selection, with the groups they wait for.</summary>
    private sealed class FetchGroup(int position, int mutationGroup, string pathText, int level, HashSet<FetchGroup> dependsOn)
    {
        public int Position { get; } = position;

        public int MutationGroup { get; } = mutationGroup;

        public string PathText { get; } = pathText;

        public int Level { get; } = level;

        public HashSet<FetchGroup> DependsOn { get; } = dependsOn;

        public List<FetchBuilder> Members { get; } = [];
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

    /// <summary>Merges key and required field sets into one representation selection, without duplicates (for the plan's text).</summary>
    private static List<FieldSetNode> Merged(IEnumerable<FieldSetNode> nodes)
    {
        var result = new List<FieldSetNode>();
        foreach (var node in nodes)
        {
            var index = result.FindIndex(r => r.FieldName == node.FieldName && r.TypeCondition == node.TypeCondition);
            if (index < 0)
            {
                result.Add(node with { Children = Merged(node.Children) });
            }
            else if (node.Children.Count > 0)
            {
                var existing = result[index];
                result[index] = existing with { Children = Merged(existing.Children.Concat(node.Children)) };
            }
        }

        return result;
    }

    private static void AddRepresentation(SelectionBuilder target, IReadOnlyList<FieldSetNode> fields)
    {
        foreach (var field in fields)
        {
            if (field.FieldName is null)
            {
                AddRepresentation(target.AddFragment(field.TypeCondition!), field.Children);
                continue;
            }

            // Printed with the arguments a requirement fetched it with; the representation holds it under its name.
            var entry = target.AddField(field.FieldName, field.FieldName, field.Node, field.Children.Count > 0);
            if (field.Children.Count > 0)
            {
                AddRepresentation(entry.Sub!, field.Children);
            }
        }
    }
}
