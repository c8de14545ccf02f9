using System.Text;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// Normalises GraphQL operation text so that layout does not change its hash: comments dropped, runs of white
/// space and commas (insignificant in GraphQL) collapsed to one space, spaces around punctuation removed.
/// String literals are kept exactly.
/// </summary>
public static class OperationText
{
    public static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                FlushSpace(result, ref pendingSpace, c);
                i = CopyString(text, i, result);
                continue;
            }
            if (c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] is not ('\n' or '\r'))
                {
                    i++;
                }

                pendingSpace = result.Length > 0;
                continue;
            }
            if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            FlushSpace(result, ref pendingSpace, c);
            result.Append(c);
        }
        return result.ToString();
    }

    public static string Hash(string normalisedText) => AuditHashes.Sha256(normalisedText);

    private static bool IsPunctuation(char c) => c is '{' or '}' or '(' or ')' or '[' or ']' or ':' or '=' or '!' or '@' or '|' or '&';

    private static void FlushSpace(StringBuilder result, ref bool pendingSpace, char next)
    {
        if (pendingSpace && !IsPunctuation(next) && result.Length > 0 && !IsPunctuation(result[^1]))
        {
            result.Append(' ');
        }

        pendingSpace = false;
    }

    /// <summary>Copies a string literal (plain or block) starting at <paramref name="start"/>; returns its last index.</summary>
    private static int CopyString(string text, int start, StringBuilder result)
    {
        var block = string.CompareOrdinal(text, start, "\"\"\"", 0, 3) == 0;
        var i = start + (block ? 3 : 1);
        while (i < text.Length)
        {
            if (!block && text[i] == '\\' && i + 1 < text.Length)
            {
                i += 2;
            }
            else if (block && string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
            {
                return Append(i + 2);
            }
            else if (!block && text[i] == '"')
            {
                return Append(i);
            }
            else
            {
                i++;
            }
        }
        return Append(text.Length - 1);

        int Append(int end)
        {
            result.Append(text, start, end - start + 1);
            return end;
        }
    }
}
