using System.Globalization;
using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Errors;
using Microsoft.Extensions.Primitives;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// The purpose and justification a caller declares: from the <c>ChildInfo-Purpose</c> and
/// <c>ChildInfo-Justification</c> headers, or else the body's <c>extensions.purpose</c> and
/// <c>extensions.justification</c>. They are caller text that is signed into every subgraph call's context, kept in
/// the audit and shown in the data protection officer's review queue, so every value declared, by either way, is
/// checked here before anything else reads it. Refused with 400: control characters (C0 including tab, CR, LF and
/// NUL; DEL; C1), line and paragraph separators, the bidirectional embeddings, overrides and isolates that make text
/// display otherwise than it reads, text that is not well-formed Unicode, a header given twice, an extension that is
/// not a string, values longer than <see cref="MaxPurposeLength"/> or <see cref="MaxJustificationLength"/>
/// characters (Unicode scalar values), and a value declared both ways differently. Everything else, such as "Zoë",
/// "Ymholiad adran 47 — ŵyr" or "£", is kept exactly as given.
/// The other request headers a caller may send with a declaration (which role, break-glass, strict, show the plan)
/// are read here too, so that nothing after this step reads a request header.
/// </summary>
/// <param name="Purpose">The declared purpose id; null when none was declared.</param>
/// <param name="Justification">The declared justification; null when none was declared.</param>
public sealed record CallerDeclaration(string? Purpose, string? Justification)
{
    /// <summary>The role asked for (<see cref="RequestHeaders.Role"/>); null when the token's only role is meant.</summary>
    public string? Role { get; init; }

    /// <summary>Break-glass asked for (<see cref="RequestHeaders.BreakGlass"/>); the policy decides whether it is allowed.</summary>
    public bool BreakGlass { get; init; }

    /// <summary>Strict mode asked for (<see cref="RequestHeaders.Strict"/>).</summary>
    public bool Strict { get; init; }

    /// <summary>The query plan asked for (<see cref="RequestHeaders.DebugPlan"/>); the authoriser decides whether it is shown.</summary>
    public bool ShowPlan { get; init; }

    /// <summary>Longest purpose accepted: purpose ids are short names such as <c>child_protection</c>.</summary>
    public const int MaxPurposeLength = 100;

    /// <summary>Longest justification accepted: room for a case reference and a few sentences, not a case file.</summary>
    public const int MaxJustificationLength = 500;

    /// <summary>The error code of a purpose refused at the edge.</summary>
    public const string InvalidPurposeCode = "INVALID_PURPOSE";

    /// <summary>The error code of a justification refused at the edge.</summary>
    public const string InvalidJustificationCode = "INVALID_JUSTIFICATION";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// How the server decodes a request header: the two declaration headers as UTF-8, so "Zoë" may be sent as it is
    /// (bytes that are not UTF-8 fail the request with 400); every other header as the server's default (ASCII).
    /// </summary>
    public static Encoding? HeaderEncoding(string headerName) =>
        string.Equals(headerName, RequestHeaders.Purpose, StringComparison.OrdinalIgnoreCase) || string.Equals(headerName, RequestHeaders.Justification, StringComparison.OrdinalIgnoreCase)
            ? StrictUtf8
            : null;

    /// <summary>The declaration of a request, or the error that refuses it.</summary>
    public static (CallerDeclaration? Declaration, GraphQLError? Error) Read(IHeaderDictionary headers, HttpGraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(request);
        var purpose = Read(headers, request, RequestHeaders.Purpose, "purpose", MaxPurposeLength, InvalidPurposeCode);
        if (purpose.Error is not null)
        {
            return (null, purpose.Error);
        }

        var justification = Read(headers, request, RequestHeaders.Justification, "justification", MaxJustificationLength, InvalidJustificationCode);
        if (justification.Error is not null)
        {
            return (null, justification.Error);
        }

        return (new CallerDeclaration(purpose.Value, justification.Value)
        {
            Role = headers.TryGetValue(RequestHeaders.Role, out var role) && !string.IsNullOrWhiteSpace(role) ? role.ToString() : null,
            BreakGlass = IsTrue(headers, RequestHeaders.BreakGlass),
            Strict = IsTrue(headers, RequestHeaders.Strict),
            ShowPlan = IsTrue(headers, RequestHeaders.DebugPlan),
        }, null);
    }

    /// <summary>A yes/no header: <c>true</c> (any case) or <c>1</c> is yes; anything else, or nothing, is no.</summary>
    private static bool IsTrue(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) && values.ToString() is var value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>A header's value when it is there once and acceptable; else null (for records made before the body is read).</summary>
    public static string? AcceptableHeader(IHeaderDictionary headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var maxLength = name == RequestHeaders.Purpose ? MaxPurposeLength : MaxJustificationLength;
        return headers.TryGetValue(name, out var values) && values.Count == 1 && values[0] is { Length: > 0 } value && Problem(value, maxLength) is null ? value : null;
    }

    private static (string? Value, GraphQLError? Error) Read(IHeaderDictionary headers, HttpGraphQLRequest request, string header, string extension, int maxLength, string code)
    {
        string? fromHeader = null;
        if (headers.TryGetValue(header, out StringValues values) && !StringValues.IsNullOrEmpty(values))
        {
            if (values.Count > 1)
            {
                return (null, new GraphQLError($"The {header} header may appear only once.", code));
            }

            fromHeader = values[0];
            if (Problem(fromHeader!, maxLength) is { } problem)
            {
                return (null, new GraphQLError($"The {header} header {problem}.", code));
            }
        }

        string? fromExtensions = null;
        if (request.Extensions is { ValueKind: JsonValueKind.Object } extensions && extensions.TryGetProperty(extension, out var element) && element.ValueKind != JsonValueKind.Null)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return (null, new GraphQLError($"extensions.{extension} must be a string.", code));
            }

            fromExtensions = element.GetString();
            if (Problem(fromExtensions!, maxLength) is { } problem)
            {
                return (null, new GraphQLError($"extensions.{extension} {problem}.", code));
            }
        }

        fromExtensions = fromExtensions is { Length: > 0 } ? fromExtensions : null;
        if (fromHeader is not null && fromExtensions is not null && !string.Equals(fromHeader, fromExtensions, StringComparison.Ordinal))
        {
            // One request, one declaration: choosing either silently would record a purpose the caller may not have meant.
            return (null, new GraphQLError($"The {extension} is declared twice with different values, in the {header} header and in extensions.{extension}: declare it once.", code));
        }

        return (fromHeader ?? fromExtensions, null);
    }

    /// <summary>Why <paramref name="value"/> is refused, as the end of a sentence; null when it is acceptable.</summary>
    private static string? Problem(string value, int maxLength)
    {
        var characters = 0;
        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return "is not well-formed Unicode (it holds a lone surrogate)";
            }

            if (Refused(rune))
            {
                return $"holds a control or formatting character (U+{rune.Value:X4}), which is not allowed";
            }

            if (++characters > maxLength)
            {
                return $"is longer than {maxLength} characters";
            }

            remaining = remaining[consumed..];
        }

        return null;
    }

    private static bool Refused(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
