using System.Text.Json;
using ChildInfo.Federation.Errors;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ChildInfo.Federation.Operations;

/// <summary>Parses an operation, picks the one to run and validates it (and its variables) against the API schema.</summary>
internal sealed class OperationCompiler
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly ISchema _apiSchema;
    private readonly FederatedGatewayOptions _options;
    private readonly DocumentValidator _validator = new();

    public OperationCompiler(ISchema apiSchema, FederatedGatewayOptions options)
    {
        _apiSchema = apiSchema;
        _options = options;
    }

    public GraphQLDocument Parse(string query)
    {
        try
        {
            return Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = _options.MaxParserDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new GatewayException(ErrorCodes.QueryTooDeep, $"The query nests deeper than {_options.MaxParserDepth} levels.");
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new GatewayException(ErrorCodes.ParseFailed, ex.Description, [new ErrorLocation(ex.Location.Line, ex.Location.Column)]);
        }
        catch (GraphQLParserException ex)
        {
            throw new GatewayException(ErrorCodes.ParseFailed, ex.Message);
        }
    }

    public static GraphQLOperationDefinition SelectOperation(GraphQLDocument document, string? operationName)
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

    /// <summary>Validates the document (all rules when <paramref name="fullValidation"/>, else the variables only).</summary>
    public async Task ValidateAsync(GraphQLDocument document, GraphQLOperationDefinition operation, JsonElement variables, bool fullValidation, CancellationToken cancellationToken)
    {
        Inputs inputs;
        try
        {
            inputs = variables.ValueKind == JsonValueKind.Object
                ? Serializer.ReadNode<Inputs>(variables) ?? Inputs.Empty
                : Inputs.Empty;
        }
        catch (JsonException)
        {
            throw new GatewayException(ErrorCodes.BadRequest, "The variables are not a JSON object.");
        }

        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = _apiSchema,
            Document = document,
            Operation = operation,
            Rules = fullValidation ? DocumentValidator.CoreRules : [],
            Variables = inputs,
            CancellationToken = cancellationToken,
        }).ConfigureAwait(false);

        if (result.IsValid)
        {
            return;
        }

        var errors = new List<GraphQLError>();
        foreach (var error in result.Errors)
        {
            var code = error is InvalidVariableError ? ErrorCodes.BadUserInput : ErrorCodes.ValidationFailed;
            var locations = error.Locations?.Select(l => new ErrorLocation(l.Line, l.Column)).ToArray();
            errors.Add(new GraphQLError(error.Message, code, null, locations));
        }

        throw new RequestErrorsException(errors);
    }

    /// <summary>Rejects operations that nest fields deeper than allowed (fragments included).</summary>
    public void CheckDepth(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        if (Depth(operation.SelectionSet, fragments, 0) > _options.MaxDepth)
        {
            throw new GatewayException(ErrorCodes.QueryTooDeep, $"The operation nests fields deeper than {_options.MaxDepth} levels.");
        }
    }

    private int Depth(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        if (set is null || depth > _options.MaxDepth)
        {
            return depth;
        }

        var max = depth;
        foreach (var selection in set.Selections)
        {
            var child = selection switch
            {
                GraphQLField field => field.SelectionSet is null ? depth + 1 : Depth(field.SelectionSet, fragments, depth + 1),
                GraphQLInlineFragment inline => Depth(inline.SelectionSet, fragments, depth),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    => Depth(fragment.SelectionSet, fragments, depth),
                _ => depth,
            };
            max = Math.Max(max, child);
        }

        return max;
    }
}
