using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Composition.Parsing;

/// <summary>Prints GraphQL values and directive applications canonically (for default values and composed directives).</summary>
internal static class ValuePrinter
{
    public static string Print(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => JsonSerializer.Serialize(s.Value.ToString()),
        GraphQLIntValue i => i.Value.ToString(),
        GraphQLFloatValue f => f.Value.ToString(),
        GraphQLBooleanValue b => b.BoolValue ? "true" : "false",
        GraphQLNullValue => "null",
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLVariable v => "$" + v.Name.StringValue,
        GraphQLListValue l => "[" + string.Join(", ", (l.Values ?? []).Select(Print)) + "]",
        GraphQLObjectValue o => "{" + string.Join(", ", (o.Fields ?? []).Select(f => f.Name.StringValue + ": " + Print(f.Value))) + "}",
        _ => value.ToString() ?? string.Empty,
    };

    public static string PrintDirective(string name, GraphQLDirective directive)
    {
        var text = new StringBuilder("@").Append(name);
        if (directive.Arguments is { Count: > 0 } arguments)
        {
            text.Append('(').AppendJoin(", ", arguments.Items.Select(a => a.Name.StringValue + ": " + Print(a.Value))).Append(')');
        }

        return text.ToString();
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text, Options);

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
