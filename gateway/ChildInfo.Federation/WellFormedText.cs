using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace ChildInfo.Federation;

/// <summary>
/// Whether a parsed JSON document's text is well-formed Unicode. System.Text.Json's parser checks a document's
/// structure and escapes but not the UTF-8 inside strings, nor that a <c>\uD800</c>-style escape is one half of a pair;
/// reading such a string, or writing it into the response, then throws. A client's request is checked before anything
/// reads it (refused with 400), and a subgraph's answer as it arrives (its corrupt text costs that subgraph's part of
/// the answer, not the whole response).
/// </summary>
public static class WellFormedText
{
    /// <summary>True when every string and property name of the document is well-formed Unicode.</summary>
    public static bool Check(JsonElement root)
    {
        var raw = JsonMarshal.GetRawUtf8Value(root);
        return Utf8.IsValid(raw) && SurrogateEscapesPaired(raw);
    }

    /// <summary>
    /// Every <c>\u</c> escape of a surrogate is a high one followed at once by an escaped low one. The parser has
    /// accepted the document, so a backslash only appears inside a string and always starts a valid escape.
    /// </summary>
    private static bool SurrogateEscapesPaired(ReadOnlySpan<byte> raw)
    {
        var i = raw.IndexOf((byte)'\\');
        while (i >= 0 && i + 1 < raw.Length)
        {
            var width = 2;
            if (raw[i + 1] == (byte)'u')
            {
                width = 6;
                var unit = Unit(raw, i);
                if (unit is >= 0xDC00 and <= 0xDFFF)
                {
                    return false;
                }

                if (unit is >= 0xD800 and <= 0xDBFF)
                {
                    if (i + 12 > raw.Length || raw[i + 6] != (byte)'\\' || raw[i + 7] != (byte)'u' || Unit(raw, i + 6) is < 0xDC00 or > 0xDFFF)
                    {
                        return false;
                    }

                    width = 12;
                }
            }

            var next = raw[(i + width)..].IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + width + next;
        }

        return true;
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape starting at <paramref name="at"/>.</summary>
    private static int Unit(ReadOnlySpan<byte> raw, int at)
    {
        var unit = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            unit = (unit << 4) | HexValue(raw[k]);
        }

        return unit;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => digit - 'A' + 10,
    };
}
