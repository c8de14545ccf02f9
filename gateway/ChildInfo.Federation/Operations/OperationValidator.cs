using System.Text.Json;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Errors;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>Validates a parsed operation (and its variables) against the API schema.</summary>
internal sealed class OperationValidator
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly ISchema _apiSchema;
    private readonly DocumentValidator _validator = new();

    public OperationValidator(ISchema apiSchema)
    {
        _apiSchema = apiSchema;
    }

    /// <summary>
    /// Validates the document by every rule without variable values (warming a plan ahead of its first request):
    /// GraphQL.NET checks variable values only once the rules pass, so a document whose only errors are about its
    /// variables' values is valid. Each request's variables are still checked when it arrives.
    /// </summary>
    public async Task ValidateWithoutVariablesAsync(GraphQLDocument document, GraphQLOperationDefinition operation, CancellationToken cancellationToken)
    {
        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = _apiSchema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            CancellationToken = cancellationToken,
        }).ConfigureAwait(false);
        if (!result.IsValid && !result.Errors.All(e => e is InvalidVariableError))
        {
            throw Refusal(result);
        }

        if (SameResponseShapeRule.Check(document, operation, _apiSchema) is { Count: > 0 } shapeErrors)
        {
            throw new RequestErrorsException(shapeErrors);
        }
    }

    /// <summary>Validates the document (all rules when <paramref name="fullValidation"/>, else the variables only).</summary>
    public async Task ValidateAsync(GraphQLDocument document, GraphQLOperationDefinition operation, JsonElement variables, bool fullValidation, CancellationToken cancellationToken)
    {
        using var activity = FederationTelemetry.Source.StartActivity("validate");
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
            if (fullValidation && SameResponseShapeRule.Check(document, operation, _apiSchema) is { Count: > 0 } shapeErrors)
            {
                throw new RequestErrorsException(shapeErrors);
            }

            return;
        }

        throw Refusal(result);
    }

    private static RequestErrorsException Refusal(IValidationResult result)
    {
        var errors = new List<GraphQLError>();
        foreach (var error in result.Errors)
        {
            var code = error is InvalidVariableError ? ErrorCodes.BadUserInput : ErrorCodes.ValidationFailed;
            var locations = error.Locations?.Select(l => new ErrorLocation(l.Line, l.Column)).ToArray();
            errors.Add(new GraphQLError(error.Message, code, null, locations));
        }

        return new RequestErrorsException(errors);
    }
}
