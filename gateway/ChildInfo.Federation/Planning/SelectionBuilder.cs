using System.Text;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Planning;

/// <summary>A subgraph selection set under construction: fields by response key and inline fragments by type.</summary>
internal sealed class SelectionBuilder
{
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries => _entries;

    public bool IsEmpty => _entries.Count == 0;

    public Entry? Find(string responseKey)
    {
        foreach (var entry in _entries)
        {
            if (entry.TypeCondition is null && entry.ResponseKey == responseKey)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Adds (or finds) a field the client asked for, under the client's response key.</summary>
    public Entry AddField(string responseKey, string fieldName, GraphQLField? node, bool composite)
    {
        var existing = Find(responseKey);
        if (existing is not null)
        {
            if (existing.FieldName != fieldName)
            {
                throw new PlanningException(
                    $"Response key '{responseKey}' is used for both '{existing.FieldName}' and '{fieldName}'; rename the alias.");
            }

            existing.Node ??= node;
            if (composite)
            {
                existing.Sub ??= new SelectionBuilder();
            }

            return existing;
        }

        var entry = new Entry(responseKey, fieldName, null, node, composite ? new SelectionBuilder() : null);
        _entries.Add(entry);
        return entry;
    }

    public SelectionBuilder AddFragment(string typeCondition)
    {
        foreach (var entry in _entries)
        {
            if (entry.TypeCondition == typeCondition)
            {
                return entry.Sub!;
            }
        }

        var fragment = new Entry(string.Empty, string.Empty, typeCondition, null, new SelectionBuilder());
        _entries.Add(fragment);
        return fragment.Sub!;
    }

    /// <summary>Prints the selection set for a plan's canonical text, one selection per line.</summary>
    public void PrintPretty(StringBuilder builder, int indent)
    {
        builder.Append("{\n");
        if (_entries.Count == 0)
        {
            // As sent (see PrintCompact): a selection set may not be empty.
            builder.Append(' ', (indent + 1) * 2).Append("__typename\n");
        }
        foreach (var entry in Ordered())
        {
            builder.Append(' ', (indent + 1) * 2);
            AppendHead(builder, entry, pretty: true);
            if (entry.Sub is not null)
            {
                builder.Append(' ');
                entry.Sub.PrintPretty(builder, indent + 1);
            }

            builder.Append('\n');
        }

        builder.Append(' ', indent * 2).Append('}');
    }

    /// <summary>Prints the selection set compactly for the subgraph request.</summary>
    public void PrintCompact(StringBuilder builder, HashSet<string> variables)
    {
        builder.Append('{');
        var first = true;
        foreach (var entry in Ordered())
        {
            if (!first)
            {
                builder.Append(' ');
            }

            first = false;
            AppendHead(builder, entry, pretty: false);
            if (entry.Node?.Arguments is not null)
            {
                CollectVariables(entry.Node.Arguments, variables);
            }

            entry.Sub?.PrintCompact(builder, variables);
        }

        if (first)
        {
            // Every field under this object is withheld or answered by the gateway: a selection set may not be empty.
            builder.Append("__typename");
        }

        builder.Append('}');
    }

    private IEnumerable<Entry> Ordered()
    {
        foreach (var entry in _entries)
        {
            if (entry.TypeCondition is null && entry.FieldName == "__typename" && entry.ResponseKey == "__typename")
            {
                yield return entry;
            }
        }

        foreach (var entry in _entries)
        {
            if (!(entry.TypeCondition is null && entry.FieldName == "__typename" && entry.ResponseKey == "__typename"))
            {
                yield return entry;
            }
        }
    }

    private static void AppendHead(StringBuilder builder, Entry entry, bool pretty)
    {
        if (entry.TypeCondition is not null)
        {
            builder.Append(pretty ? "... on " : "...on ").Append(entry.TypeCondition);
            return;
        }

        if (entry.ResponseKey != entry.FieldName)
        {
            builder.Append(entry.ResponseKey).Append(pretty ? ": " : ":");
        }

        builder.Append(entry.FieldName);
        if (entry.Node?.Arguments is { Items.Count: > 0 } arguments)
        {
            new SDLPrinter().Print(arguments, builder);
        }
    }

    private static void CollectVariables(ASTNode node, HashSet<string> variables)
    {
        switch (node)
        {
            case GraphQLArguments arguments:
                foreach (var argument in arguments.Items)
                {
                    CollectVariables(argument.Value, variables);
                }

                break;
            case GraphQLVariable variable:
                variables.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list:
                foreach (var value in list.Values ?? [])
                {
                    CollectVariables(value, variables);
                }

                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                {
                    CollectVariables(field.Value, variables);
                }

                break;
        }
    }

    internal sealed class Entry
    {
        public Entry(string responseKey, string fieldName, string? typeCondition, GraphQLField? node, SelectionBuilder? sub)
        {
            ResponseKey = responseKey;
            FieldName = fieldName;
            TypeCondition = typeCondition;
            Node = node;
            Sub = sub;
        }

        public string ResponseKey { get; }

        public string FieldName { get; }

        public string? TypeCondition { get; }

        public GraphQLField? Node { get; set; }

        public SelectionBuilder? Sub { get; set; }
    }
}
