using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace ChildInfo.Federation.Execution;

/// <summary>Answers <c>__schema</c> and <c>__type</c> from the API schema, in process.</summary>
internal static class IntrospectionExecutor
{
    private static readonly DocumentExecuter Executer = new();
    private static readonly GraphQLSerializer Serializer = new();

    public static async Task ExecuteAsync(ISchema schema, PreparedOperation operation, ExecutionState state, CancellationToken cancellationToken)
    {
        var result = await Executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Document = operation.Document.Document;
            options.OperationName = operation.OperationName;
            options.Variables = operation.Variables.ValueKind == JsonValueKind.Object ? Serializer.ReadNode<Inputs>(operation.Variables) : null;
            options.CancellationToken = cancellationToken;
            options.ThrowOnUnhandledException = false;
        }).ConfigureAwait(false);

        var document = JsonDocument.Parse(Serializer.Serialize(result));
        state.Keep(new Transport.SubgraphResponse(document));
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        lock (state.Gate)
        {
            foreach (var field in operation.Plan.Shape.RootFields)
            {
                if (field.IsIntrospection && data.TryGetProperty(field.ResponseKey, out var value))
                {
                    state.Data.Set(field.ResponseKey, value);
                }
            }
        }
    }
}
