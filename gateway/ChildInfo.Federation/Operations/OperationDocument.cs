using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Errors;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// A request's query text parsed once, with the operation it runs and its fragments by name: what everything that
/// reads the operation shares (limits, validation, planning, the GET mutation check, the audit), so the text is never
/// parsed twice. Read-only once made, so a cached one serves concurrent requests.
/// </summary>
public sealed class OperationDocument
{
    private OperationDocument(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        Document = document;
        Operation = operation;
        Fragments = FragmentsOf(document);
    }

    public GraphQLDocument Document { get; }

    /// <summary>The operation the request runs: the one named, or the document's only one.</summary>
    public GraphQLOperationDefinition Operation { get; }

    public OperationType OperationType => Operation.Operation;

    public string? OperationName => Operation.Name?.StringValue;

    /// <summary>The document printed without its comments or layout: the plan cache's key for reformatted copies.</summary>
    public string Normalised() => new SDLPrinter().Print(Document);

    /// <summary>
    /// Whether <paramref name="text"/> writes any value in (a string or a number, in an argument, a default or a
    /// directive): such text can carry what its caller asked about, a child's identifier, say, so it is never kept
    /// beyond its request. Comments are not read as text: pass a <see cref="Normalised"/> text, which has none.
    /// </summary>
    public static bool WritesValues(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var position = 0;
            while (position < text.Length)
            {
                var token = Lexer.Lex(text, position);
                switch (token.Kind)
                {
                    case TokenKind.EOF:
                        return false;
                    case TokenKind.STRING or TokenKind.INT or TokenKind.FLOAT or TokenKind.COMMENT or TokenKind.UNKNOWN:
                        return true;
                }

                position = token.End;
            }

            return false;
        }
        catch (GraphQLParserException)
        {
            return true; // Not read to the end: assume the worst.
        }
    }

    /// <summary>The document's fragment definitions by name (the first of a repeated name; validation refuses repeats).</summary>
    public IReadOnlyDictionary<string, GraphQLFragmentDefinition> Fragments { get; }

    /// <summary>
    /// Parses <paramref name="query"/> and picks its operation. Throws <see cref="GatewayException"/> when the text does
    /// not parse, nests deeper than <paramref name="maxParserDepth"/>, or names no operation it can run.
    /// </summary>
    public static OperationDocument Parse(string query, string? operationName, int maxParserDepth)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var activity = FederationTelemetry.Source.StartActivity("parse");
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = maxParserDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new GatewayException(ErrorCodes.QueryTooDeep, $"The query nests deeper than {maxParserDepth} levels.");
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new GatewayException(ErrorCodes.ParseFailed, ex.Description, [new ErrorLocation(ex.Location.Line, ex.Location.Column)]);
        }
        catch (GraphQLParserException ex)
        {
            throw new GatewayException(ErrorCodes.ParseFailed, ex.Message);
        }

        return new OperationDocument(document, SelectOperation(document, operationName));
    }

    /// <summary>As <see cref="Parse"/>, but null instead of an error (for a record of a request the engine never saw).</summary>
    public static OperationDocument? TryParse(string query, string? operationName, int maxParserDepth)
    {
        try
        {
            return Parse(query, operationName, maxParserDepth);
        }
        catch (GatewayException)
        {
            return null;
        }
    }

    /// <summary>A document's fragment definitions by name, the first of each name.</summary>
    public static IReadOnlyDictionary<string, GraphQLFragmentDefinition> FragmentsOf(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        return fragments;
    }

    private static GraphQLOperationDefinition SelectOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? found = null;
        var count = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            count++;
            if (string.IsNullOrEmpty(operationName))
            {
                found ??= operation;
            }
            else if (operation.Name?.StringValue == operationName)
            {
                found = operation;
            }
        }

        if (count == 0)
        {
            throw new GatewayException(ErrorCodes.ValidationFailed, "The document contains no operation.");
        }

        if (string.IsNullOrEmpty(operationName) && count > 1)
        {
            throw new GatewayException(ErrorCodes.UnknownOperationName, "The document contains several operations: an operation name is required.");
        }

        return found ?? throw new GatewayException(ErrorCodes.UnknownOperationName, $"Unknown operation named '{operationName}'.");
    }
}
