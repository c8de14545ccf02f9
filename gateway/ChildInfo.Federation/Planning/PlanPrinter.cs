using System.Text;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Prints a plan in its canonical text form: what runs. Each step of the schedule in order, with its number and the
/// steps it waits for (it starts as soon as they have answered), the record guards checked once it has answered, and
/// the fields a policy withheld.
/// </summary>
public static class PlanPrinter
{
    public static string Print(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new StringBuilder("QueryPlan {\n");
        for (var i = 0; i < plan.Schedule.Length; i++)
        {
            var scheduled = plan.Schedule[i];
            builder.Append("  Step #").Append(i);
            if (scheduled.DependsOn.Length > 0)
            {
                builder.Append(" (after ").Append(string.Join(", ", scheduled.DependsOn.Select(d => "#" + d))).Append(')');
            }

            builder.Append(" {\n");
            Print(builder, scheduled.Step, 2);
            IEnumerable<FetchStep> fetches = scheduled.Step switch
            {
                FetchStep fetch => [fetch],
                FlattenStep flatten => [flatten.Fetch],
                BatchStep batch => batch.Parts.Select(p => p.Fetch),
                _ => [],
            };
            foreach (var guard in fetches.SelectMany(f => f.Guards))
            {
                builder.Append("    Guard(type: \"").Append(guard.TypeName).Append("\", path: \"").Append(string.Join('.', guard.Path)).Append("\") {\n");
                PrintGuardFields(builder, guard.GuardFields, 3);
                builder.Append("    },\n");
            }

            builder.Append("  },\n");
        }

        if (plan.Fields.Withheld.Length > 0)
        {
            builder.Append("  Withheld {\n");
            foreach (var withheld in plan.Fields.Withheld)
            {
                builder.Append("    ").Append(withheld.Coordinate).Append(": ").Append(withheld.Code);
                if (withheld.Rule is not null)
                {
                    builder.Append(" (rule: ").Append(withheld.Rule).Append(')');
                }

                builder.Append('\n');
            }

            builder.Append("  },\n");
        }

        builder.Append('}');
        return builder.ToString();
    }

    private static void PrintGuardFields(StringBuilder builder, IReadOnlyList<PlannedField> fields, int indent)
    {
        var pad = new string(' ', indent * 2);
        foreach (var field in fields)
        {
            builder.Append(pad);
            if (field.TypeCondition is not null)
            {
                builder.Append("... on ").Append(field.TypeCondition);
            }
            else
            {
                if (field.ResponseKey is not null && field.ResponseKey != field.Name)
                {
                    builder.Append(field.ResponseKey).Append(": ");
                }

                builder.Append(field.Name);
            }

            if (field.Children.Count > 0)
            {
                builder.Append(" {\n");
                PrintGuardFields(builder, field.Children, indent + 1);
                builder.Append(pad).Append('}');
            }

            builder.Append('\n');
        }
    }

    private static void Print(StringBuilder builder, PlanNode node, int indent)
    {
        var pad = new string(' ', indent * 2);
        switch (node)
        {
            case SequenceStep sequence:
                builder.Append(pad).Append("Sequence {\n");
                foreach (var child in sequence.Nodes)
                {
                    Print(builder, child, indent + 1);
                }

                builder.Append(pad).Append("},\n");
                break;
            case ParallelStep parallel:
                builder.Append(pad).Append("Parallel {\n");
                foreach (var child in parallel.Nodes)
                {
                    Print(builder, child, indent + 1);
                }

                builder.Append(pad).Append("},\n");
                break;
            case FlattenStep flatten:
                builder.Append(pad).Append("Flatten(path: \"").Append(flatten.PathText).Append("\") {\n");
                PrintFetch(builder, flatten.Fetch, indent + 1);
                builder.Append(pad).Append("},\n");
                break;
            case BatchStep batch:
                builder.Append(pad).Append("Batch(service: \"").Append(batch.Call.ServiceName).Append("\") {\n");
                foreach (var part in batch.Parts)
                {
                    Print(builder, part, indent + 1);
                }

                builder.Append(pad).Append("},\n");
                break;
            case FetchStep fetch:
                PrintFetch(builder, fetch, indent);
                break;
        }
    }

    private static void PrintFetch(StringBuilder builder, FetchStep fetch, int indent)
    {
        var pad = new string(' ', indent * 2);
        builder.Append(pad).Append("Fetch(service: \"").Append(fetch.ServiceName).Append('"');
        if (fetch.Operation == OperationType.Mutation)
        {
            builder.Append(", mutation");
        }

        builder.Append(") {\n");
        if (fetch.Entity is not null)
        {
            AppendIndented(builder, fetch.Entity.RequiresText + " =>", indent + 1);
        }

        AppendIndented(builder, fetch.SelectionText, indent + 1);
        builder.Append(pad).Append("},\n");
    }

    private static void AppendIndented(StringBuilder builder, string text, int indent)
    {
        var pad = new string(' ', indent * 2);
        foreach (var line in text.Split('\n'))
        {
            builder.Append(pad).Append(line).Append('\n');
        }
    }
}
