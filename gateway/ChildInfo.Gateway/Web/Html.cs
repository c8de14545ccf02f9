using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// A fragment of HTML. Built with <see cref="Of"/> from an interpolated string whose holes are HTML-encoded unless
/// they are themselves <see cref="Html"/>, so text from a caller, a token or an agency can only ever be text.
/// </summary>
public readonly struct Html
{
    private Html(string value) => Value = value;

    public string Value { get; }

    public static Html Empty { get; } = new(string.Empty);

    /// <summary>Markup written in this assembly (never caller or agency text).</summary>
    public static Html Raw(string markup) => new(markup);

    public static Html Of([InterpolatedStringHandlerArgument] ref HtmlBuilder builder) => new(builder.ToStringAndClear());

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Html When(bool condition, Html html) => condition ? html : Empty;

    public static string Encode(string? text) => text is null ? string.Empty : HtmlEncoder.Default.Encode(text);

    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Writes literal markup as it is and encodes every hole that is not <see cref="Html"/>.</summary>
[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private StringBuilder _text;

    public HtmlBuilder(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string markup) => _text.Append(markup);

    public readonly void AppendFormatted(Html html) => _text.Append(html.Value);

    public readonly void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var part in parts)
        {
            _text.Append(part.Value);
        }
    }

    public readonly void AppendFormatted(string? text) => _text.Append(Html.Encode(text));

    public readonly void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case Html html:
                AppendFormatted(html);
                break;
            case IEnumerable<Html> parts:
                AppendFormatted(parts);
                break;
            case IFormattable formattable:
                _text.Append(Html.Encode(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            default:
                _text.Append(Html.Encode(value?.ToString()));
                break;
        }
    }

    public string ToStringAndClear()
    {
        var result = _text.ToString();
        _text = null!;
        return result;
    }
}
