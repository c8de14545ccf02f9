using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Tests.Operations;

/// <summary>
/// The memoised field collection and the linear measure agree with the naïve readings they replace — expanding every
/// fragment spread in place, every time — on generated small documents: nested fragments and inline fragments with
/// type conditions over an interface and a union, aliases, and <c>@include</c>/<c>@skip</c> with variables.
/// </summary>
public sealed class FieldCollectorProperties
{
    private static readonly SupergraphSchema Schema = SupergraphLoader.Load(File.ReadAllText(Path.Combine(ConformanceCase.Root, "abstract-types", "supergraph.graphql")));
    private static readonly string[] ObjectTypes = ["Query", "Book", "Film", "Podcast"];
    private static readonly string[] DeclaredTypes = ["Query", "Media", "SearchResult", "Book"];

    [Property(Arbitrary = new[] { typeof(GeneratedDocuments) }, MaxTest = 300)]
    public void RuntimeCollection_MatchesTheSpecsCollectFields(GeneratedDocument generated)
    {
        var document = OperationDocument.Parse(generated.Text, null, 256);
        var conditions = generated.Conditions;
        foreach (var type in ObjectTypes)
        {
            var collector = FieldCollector.ForRuntimeTypes(Schema, document.Fragments, conditions);
            CompareRuntime(collector, document, [document.Operation.SelectionSet], type, conditions, generated.Text);
        }
    }

    [Property(Arbitrary = new[] { typeof(GeneratedDocuments) }, MaxTest = 300)]
    public void DeclaredCollection_FindsWhatExpandingEverySpreadFinds(GeneratedDocument generated)
    {
        var document = OperationDocument.Parse(generated.Text, null, 256);
        foreach (var type in DeclaredTypes)
        {
            var collector = FieldCollector.ForDeclaredTypes(Schema, document.Fragments);
            CompareDeclared(collector, document, [new SelectionAt(document.Operation.SelectionSet, type)], generated.Text);
        }
    }

    [Property(Arbitrary = new[] { typeof(GeneratedDocuments) }, MaxTest = 300)]
    public void Measure_CountsWhatExpandingEverySpreadCounts(GeneratedDocument generated)
    {
        var document = OperationDocument.Parse(generated.Text, null, 256);
        var unbounded = new FederationEngineOptions
        {
            MaxFieldSelections = int.MaxValue, MaxAliases = int.MaxValue, MaxDepth = int.MaxValue,
            MaxFragmentSpreads = int.MaxValue, MaxDirectives = int.MaxValue, MaxOverlappingFieldPairs = int.MaxValue,
        };

        var measure = OperationMeasure.Take(document, unbounded);

        var (fields, aliases, depth) = Expanded(document, document.Operation.SelectionSet);
        Assert.Equal((fields, aliases, depth), (measure.FieldSelections, measure.Aliases, measure.Depth));
    }

    private static void CompareRuntime(FieldCollector collector, OperationDocument document, List<GraphQLSelectionSet> sets, string type, IReadOnlyDictionary<string, bool> conditions, string text)
    {
        var memoised = collector.Collect([.. sets.Select(s => new SelectionAt(s, type))]);
        var naive = new List<(string Key, GraphQLField Node)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            CollectFields(document, type, set, conditions, visited, naive);
        }

        var expected = naive.GroupBy(f => f.Key).Select(g => (g.Key, g.Select(f => f.Node).ToList())).ToList();
        Assert.True(
            expected.Select(g => g.Key).SequenceEqual(memoised.Select(g => g.ResponseKey)),
            $"{text}\non {type}: expected keys {string.Join(",", expected.Select(g => g.Key))}, collected {string.Join(",", memoised.Select(g => g.ResponseKey))}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Item2.SequenceEqual(memoised[i].Fields.Select(f => f.Node)), $"{text}\non {type}: the nodes of '{expected[i].Key}' differ");
            Assert.All(memoised[i].Fields, f => Assert.Equal(type, f.ParentType));
            var below = expected[i].Item2.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!).ToList();
            if (below.Count > 0)
            {
                foreach (var inner in ObjectTypes.Skip(1))
                {
                    CompareRuntime(collector, document, below, inner, conditions, text);
                }
            }
        }
    }

    /// <summary>GraphQL spec §6.3.2 CollectFields, as written: every spread expanded where it stands (once per call).</summary>
    private static void CollectFields(OperationDocument document, string type, GraphQLSelectionSet set, IReadOnlyDictionary<string, bool> conditions, HashSet<string> visited, List<(string, GraphQLField)> into)
    {
        foreach (var selection in set.Selections)
        {
            if (!Included((IHasDirectivesNode)selection, conditions))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    into.Add(((field.Alias?.Name ?? field.Name).StringValue, field));
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (visited.Add(name) && document.Fragments.TryGetValue(name, out var fragment) && Schema.Matches(type, fragment.TypeCondition.Type.Name.StringValue))
                    {
                        CollectFields(document, type, fragment.SelectionSet, conditions, visited, into);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (inline.TypeCondition is null || Schema.Matches(type, inline.TypeCondition.Type.Name.StringValue))
                    {
                        CollectFields(document, type, inline.SelectionSet, conditions, visited, into);
                    }

                    break;
            }
        }
    }

    private static bool Included(IHasDirectivesNode node, IReadOnlyDictionary<string, bool> conditions)
    {
        foreach (var directive in node.Directives?.Items ?? [])
        {
            var value = directive.Arguments!.Items[0].Value switch
            {
                GraphQLBooleanValue b => b.BoolValue,
                GraphQLVariable v => conditions[v.Name.StringValue],
                _ => throw new InvalidOperationException("Only boolean conditions are generated."),
            };
            if (directive.Name.StringValue == "skip" ? value : !value)
            {
                return false;
            }
        }

        return true;
    }

    private static void CompareDeclared(FieldCollector collector, OperationDocument document, List<SelectionAt> selections, string text)
    {
        var memoised = collector.Collect(selections);
        var naive = new List<CollectedField>();
        foreach (var selection in selections)
        {
            ExpandEverySpread(document, selection.Set, selection.Type, naive);
        }

        var expected = naive.Distinct().GroupBy(f => f.ResponseKey).ToList();
        Assert.True(expected.Select(g => g.Key).SequenceEqual(memoised.Select(g => g.ResponseKey)), $"{text}\nresponse keys differ");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].SequenceEqual(memoised[i].Fields), $"{text}\nthe fields of '{expected[i].Key}' differ");
            var below = expected[i].Where(f => f.Node.SelectionSet is not null).Select(f => new SelectionAt(f.Node.SelectionSet!, "Media")).ToList();
            if (below.Count > 0)
            {
                CompareDeclared(collector, document, below, text);
            }
        }
    }

    /// <summary>How the audit used to read a selection: every spread expanded in place, every time, whatever the conditions.</summary>
    private static void ExpandEverySpread(OperationDocument document, GraphQLSelectionSet set, string type, List<CollectedField> into)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    into.Add(new CollectedField(field, type));
                    break;
                case GraphQLInlineFragment inline:
                    ExpandEverySpread(document, inline.SelectionSet, Narrow(type, inline.TypeCondition?.Type.Name.StringValue), into);
                    break;
                case GraphQLFragmentSpread spread when document.Fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    ExpandEverySpread(document, fragment.SelectionSet, Narrow(type, fragment.TypeCondition.Type.Name.StringValue), into);
                    break;
            }
        }
    }

    private static string Narrow(string type, string? condition) =>
        condition is not null && Schema.Types.TryGetValue(condition, out var narrowed) && narrowed.Kind == SupergraphTypeKind.Object ? condition : type;

    private static (long Fields, long Aliases, int Depth) Expanded(OperationDocument document, GraphQLSelectionSet set)
    {
        long fields = 0;
        long aliases = 0;
        var depth = 0;
        foreach (var selection in set.Selections)
        {
            var inner = selection switch
            {
                GraphQLField field => field.SelectionSet is null ? (0, 0, 0) : Expanded(document, field.SelectionSet),
                GraphQLInlineFragment inline => Expanded(document, inline.SelectionSet),
                GraphQLFragmentSpread spread => Expanded(document, document.Fragments[spread.FragmentName.Name.StringValue].SelectionSet),
                _ => throw new InvalidOperationException(),
            };
            if (selection is GraphQLField counted)
            {
                inner = (inner.Fields + 1, inner.Aliases + (counted.Alias is null ? 0 : 1), inner.Depth + 1);
            }

            fields += inner.Fields;
            aliases += inner.Aliases;
            depth = Math.Max(depth, inner.Depth);
        }

        return (fields, aliases, depth);
    }
}

/// <summary>A generated operation with its fragments, and values for the variables its conditions use.</summary>
public sealed record GeneratedDocument(string Text, bool A, bool B)
{
    public IReadOnlyDictionary<string, bool> Conditions => new Dictionary<string, bool>(StringComparer.Ordinal) { ["a"] = A, ["b"] = B };

    public override string ToString() => $"{Text} with a={A}, b={B}";
}

/// <summary>
/// Small documents over the abstract-types supergraph (interface Media of Book, Film and Podcast; union SearchResult):
/// fragment Fi spreads only fragments after it, so there are no cycles.
/// </summary>
public static class GeneratedDocuments
{
    private static readonly string[] Fields = ["id", "title", "author", "director", "host", "stars", "__typename", "library", "search", "shows"];
    private static readonly string[] CompositeFields = ["library", "search", "shows"];
    private static readonly string[] Types = ["Query", "Media", "SearchResult", "Book", "Film", "Podcast"];
    private static readonly string[] Directives = ["", "", "", " @include(if: $a)", " @skip(if: $b)", " @include(if: true)", " @skip(if: true)", " @include(if: false) @skip(if: $a)"];

    public static Arbitrary<GeneratedDocument> Documents() => Arb.From(Document());

    private static Gen<GeneratedDocument> Document() =>
        from fragmentCount in Gen.Choose(0, 4)
        from fragments in Gen.CollectToList(Enumerable.Range(0, fragmentCount).Select(i =>
            from type in Gen.Elements(Types)
            from set in SelectionSet(2, i + 1, fragmentCount)
            select $"fragment F{i} on {type} {set}"))
        from operation in SelectionSet(3, 0, fragmentCount)
        from a in Gen.Elements(true, false)
        from b in Gen.Elements(true, false)
        select new GeneratedDocument($"query ($a: Boolean!, $b: Boolean!) {operation} {string.Join(" ", fragments)}", a, b);

    private static Gen<string> SelectionSet(int depth, int firstFragment, int fragmentCount) =>
        from count in Gen.Choose(1, 4)
        from selections in Gen.ListOf(Selection(depth, firstFragment, fragmentCount), count)
        select "{ " + string.Join(" ", selections) + " }";

    private static Gen<string> Selection(int depth, int firstFragment, int fragmentCount)
    {
        var options = new List<(int, Gen<string>)> { (4, Field(depth, firstFragment, fragmentCount)) };
        if (depth > 0)
        {
            options.Add((1, from condition in Gen.Elements(new[] { "" }.Concat(Types.Select(t => $" on {t}")).ToArray())
                            from directive in Gen.Elements(Directives)
                            from set in SelectionSet(depth - 1, firstFragment, fragmentCount)
                            select $"...{condition}{directive} {set}"));
        }

        if (firstFragment < fragmentCount)
        {
            options.Add((2, from index in Gen.Choose(firstFragment, fragmentCount - 1)
                            from directive in Gen.Elements(Directives)
                            select $"...F{index}{directive}"));
        }

        return Gen.Frequency(options);
    }

    private static Gen<string> Field(int depth, int firstFragment, int fragmentCount) =>
        from name in Gen.Elements(depth > 0 ? Fields : Fields[..7])
        from alias in Gen.Elements("", "", "", "x: ", "y: ")
        from directive in Gen.Elements(Directives)
        from set in CompositeFields.Contains(name) ? SelectionSet(depth - 1, firstFragment, fragmentCount) : Gen.Constant("")
        select $"{alias}{name}{directive} {set}";
}
