using System.Text;
using GraphQL.Types;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// Writes random operations over an API schema (seeded, so failures repeat): fields, aliases drawn from a small pool
/// (so response keys meet across type conditions), inline fragments on possible types and on the abstract type itself,
/// and literal values for required scalar and enum arguments. Not every operation is valid; callers let the gateway
/// refuse those.
/// </summary>
internal sealed class RandomQueries
{
    private static readonly string[] Aliases = ["a", "b", "id"];
    private readonly ISchema _schema;
    private readonly Random _random;

    public RandomQueries(ISchema schema, int seed)
    {
        _schema = schema;
        _random = new Random(seed);
    }

    public string Next()
    {
        var builder = new StringBuilder("{");
        Selection(builder, _schema.Query, 3);
        return builder.Append('}').ToString();
    }

    /// <summary>A random mutation over the schema's mutation type (which must exist).</summary>
    public string NextMutation()
    {
        var builder = new StringBuilder("mutation {");
        Selection(builder, _schema.Mutation!, 3);
        return builder.Append('}').ToString();
    }

    private void Selection(StringBuilder builder, IComplexGraphType type, int depth)
    {
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            if (type is IAbstractGraphType abstractType && _random.Next(3) == 0)
            {
                var possible = abstractType.PossibleTypes.ToList();
                IComplexGraphType condition = possible.Count > 0 && _random.Next(4) > 0 ? possible[_random.Next(possible.Count)] : type;
                builder.Append(" ... on ").Append(condition.Name).Append(" {");
                Selection(builder, condition, depth);
                builder.Append('}');
                continue;
            }

            var fields = type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
            if (fields.Count == 0 || _random.Next(8) == 0)
            {
                builder.Append(" __typename");
                continue;
            }

            var field = fields[_random.Next(fields.Count)];
            var named = Unwrap(field.ResolvedType!);
            if (named is IComplexGraphType && depth == 0)
            {
                builder.Append(" __typename");
                continue;
            }

            if (!Arguments(field, out var arguments))
            {
                builder.Append(" __typename");
                continue;
            }

            builder.Append(' ');
            if (_random.Next(4) == 0)
            {
                builder.Append(Aliases[_random.Next(Aliases.Length)]).Append(": ");
            }

            builder.Append(field.Name).Append(arguments);
            if (named is IComplexGraphType complex)
            {
                builder.Append(" {");
                Selection(builder, complex, depth - 1);
                builder.Append('}');
            }
        }
    }

    private bool Arguments(FieldType field, out string text)
    {
        var parts = new List<string>();
        foreach (var argument in field.Arguments ?? [])
        {
            if (argument.ResolvedType is not NonNullGraphType && _random.Next(2) == 0)
            {
                continue;
            }

            var value = Literal(argument.ResolvedType!);
            if (value is null)
            {
                text = string.Empty;
                return argument.ResolvedType is not NonNullGraphType && Skip(out text);
            }

            parts.Add(argument.Name + ": " + value);
        }

        text = parts.Count == 0 ? string.Empty : "(" + string.Join(", ", parts) + ")";
        return true;
    }

    private static IGraphType Unwrap(IGraphType type) => type is IProvideResolvedType wrapper ? Unwrap(wrapper.ResolvedType!) : type;

    private static bool Skip(out string text)
    {
        text = string.Empty;
        return true;
    }

    private string? Literal(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Literal(nonNull.ResolvedType!),
        ListGraphType list => Literal(list.ResolvedType!) is { } item ? "[" + item + "]" : null,
        EnumerationGraphType enumeration => enumeration.Values.Count > 0 ? enumeration.Values.ElementAt(_random.Next(enumeration.Values.Count)).Name : null,
        IntGraphType => (1 + _random.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        BooleanGraphType => _random.Next(2) == 0 ? "true" : "false",
        FloatGraphType => "1.5",
        IdGraphType or StringGraphType => "\"" + (char)('a' + _random.Next(3)) + "1\"",
        _ => null,
    };
}
