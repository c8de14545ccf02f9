using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Execution;

/// <summary>Runs a plan's fetches and merges their answers into the result.</summary>
internal static partial class PlanExecutor
{
    /// <summary>Starts every fetch as soon as the fetches it depends on have completed, and waits for them all.</summary>
    public static Task ExecuteAsync(ScheduledStep[] schedule, ExecutionState state, CancellationToken cancellationToken)
    {
        if (schedule.Length == 1)
        {
            return RunAsync(schedule[0].Step, state, cancellationToken);
        }

        var tasks = new Task[schedule.Length];
        for (var i = 0; i < schedule.Length; i++)
        {
            tasks[i] = RunAfterAsync(schedule[i], tasks, state, cancellationToken);
        }

        return Task.WhenAll(tasks);
    }

    private static async Task RunAfterAsync(ScheduledStep scheduled, Task[] tasks, ExecutionState state, CancellationToken cancellationToken)
    {
        foreach (var dependency in scheduled.DependsOn)
        {
            // Dependencies come earlier in the schedule, so their tasks exist; a failed fetch records its error and completes.
            await tasks[dependency].ConfigureAwait(false);
        }

        await RunAsync(scheduled.Step, state, cancellationToken).ConfigureAwait(false);
    }

    private static Task RunAsync(PlanNode step, ExecutionState state, CancellationToken cancellationToken) => step switch
    {
        FetchStep fetch => RunRootFetchAsync(fetch, state, cancellationToken),
        FlattenStep flatten => RunEntityFetchAsync(flatten, state, cancellationToken),
        _ => throw new InvalidOperationException("A scheduled step is a fetch."),
    };

    private static async Task RunRootFetchAsync(FetchStep fetch, ExecutionState state, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(256 + fetch.OperationText.Length);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("query", fetch.OperationText);
            writer.WriteStartObject("variables");
            WriteVariables(writer, fetch, state);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var response = await SendAsync(fetch, body.WrittenMemory, state, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            lock (state.Gate)
            {
                state.FailedPaths.Add([]);
            }

            return;
        }

        using var activity = FederationTelemetry.Source.StartActivity("merge");
        activity?.SetTag("graphql.federation.subgraph", fetch.ServiceName);
        var root = response.Document.RootElement;
        lock (state.Gate)
        {
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                state.Data.Merge(data, state.Names);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    state.Errors.Add(SubgraphErrors.Convert(error, fetch.ServiceName, SubgraphErrors.ReadPath(error, 0), prefix: null));
                }
            }

            RecordGuarding.Check(state, fetch);
        }
    }

    private static void WriteVariables(Utf8JsonWriter writer, FetchStep fetch, ExecutionState state)
    {
        if (state.Variables.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in fetch.VariableNames)
        {
            if (state.Variables.TryGetProperty(name, out var value))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }
    }

    /// <summary>Sends a fetch; on failure or timeout records an error and returns null.</summary>
    private static async Task<SubgraphResponse?> SendAsync(FetchStep fetch, ReadOnlyMemory<byte> body, ExecutionState state, CancellationToken cancellationToken)
    {
        var subgraph = state.Schema.FindSubgraph(fetch.ServiceName)!;
        using var activity = FederationTelemetry.Source.StartActivity("fetch", ActivityKind.Client);
        activity?.SetTag("graphql.federation.subgraph", fetch.ServiceName);
        activity?.SetTag("graphql.federation.entity_fetch", fetch.IsEntityFetch);
        var timeout = state.Options.TimeoutFor(fetch.ServiceName);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        string code, message;
        try
        {
            var response = await state.Transport.SendAsync(new SubgraphRequest(subgraph, body, state.Context), timeoutSource.Token).ConfigureAwait(false);
            state.Keep(response);
            if (response.Document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return response;
            }

            code = ErrorCodes.SubgraphInvalidResponse;
            message = $"Subgraph '{fetch.ServiceName}' did not answer with a GraphQL response.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            code = ErrorCodes.SubgraphTimeout;
            message = $"Subgraph '{fetch.ServiceName}' did not answer within {timeout.TotalMilliseconds:0} ms.";
        }
        catch (SubgraphRequestException ex)
        {
            code = ErrorCodes.SubgraphRequestFailed;
            message = $"Request to subgraph '{fetch.ServiceName}' failed: {ex.Message}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            code = ex is JsonException ? ErrorCodes.SubgraphInvalidResponse : ErrorCodes.SubgraphRequestFailed;
            message = $"Request to subgraph '{fetch.ServiceName}' failed.";
        }

        activity?.SetStatus(ActivityStatusCode.Error, code);
        lock (state.Gate)
        {
            state.Errors.Add(new GraphQLError(message, code, Extensions: SubgraphErrors.ServiceExtension(fetch.ServiceName)));
        }

        return null;
    }
}
