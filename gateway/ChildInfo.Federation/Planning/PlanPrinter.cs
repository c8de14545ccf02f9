using System.Text;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>Prints a plan in its canonical text form.</summary>
public static class PlanPrinter
{
    public static string Print(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new StringBuilder("QueryPlan {\n");
        if (plan.Root is not null)
        {
            Print(builder, plan.Root, 1);
        }

        builder.Append('}');
        return builder.ToString();
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
