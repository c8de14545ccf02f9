using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Transport;
using GraphQLParser.AST;

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
        FlattenStep flatten => RunEntityFetchAsync(flatten.Fetch, flatten.Alone, state, cancellationToken),
        BatchStep batch => RunEntityFetchAsync(batch.Call, batch.Parts, state, cancellationToken),
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

        var (response, failure) = await SendAsync(fetch, body.WrittenMemory, state, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            lock (state.Gate)
            {
                // One error at each root field the fetch would have filled; data under them is missing for this reason.
                state.FailedPaths.Add([]);
                foreach (var key in fetch.RootKeys)
                {
                    state.Errors.Add(failure! with { Path = [key] });
                }

                if (fetch.RootKeys.Count == 0)
                {
                    state.Errors.Add(failure!);
                }
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
                SubgraphErrors.ForEachPassedOn(state, errors, fetch.ServiceName, (state, fetch.ServiceName), static (error, c) =>
                    SubgraphErrors.Add(c.state, error, c.ServiceName, SubgraphErrors.ReadPath(error, 0), prefix: null));
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

    /// <summary>
    /// Sends a fetch. On failure or timeout returns no response and the error to report, without a path: the caller
    /// puts it at each place the fetch would have filled.
    /// </summary>
    private static async Task<(SubgraphResponse? Response, GraphQLError? Failure)> SendAsync(FetchStep fetch, ReadOnlyMemory<byte> body, ExecutionState state, CancellationToken cancellationToken)
    {
        var subgraph = state.Schema.FindSubgraph(fetch.ServiceName)!;
        using var activity = FederationTelemetry.Source.StartActivity("fetch", ActivityKind.Client);
        activity?.SetTag("graphql.federation.subgraph", fetch.ServiceName);
        activity?.SetTag("graphql.federation.entity_fetch", fetch.IsEntityFetch);
        var timeout = state.Options.TimeoutFor(fetch.ServiceName);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, state.Deadline);
        if (timeout is { } fetchTimeout)
        {
            timeoutSource.CancelAfter(fetchTimeout);
        }

        string code, message;
        try
        {
            var response = await state.Transport.SendAsync(new SubgraphRequest(subgraph, body, state.Context, fetch.Operation == OperationType.Mutation), timeoutSource.Token).ConfigureAwait(false);
            state.Keep(response);
            var root = response.Document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && WellFormedText.Check(root))
            {
                return (response, null);
            }

            code = ErrorCodes.SubgraphInvalidResponse;
            message = root.ValueKind == JsonValueKind.Object
                ? $"Subgraph '{fetch.ServiceName}' answered with text that is not well-formed Unicode (invalid UTF-8, or a lone surrogate such as \\ud800)."
                : $"Subgraph '{fetch.ServiceName}' did not answer with a GraphQL response.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            code = ErrorCodes.SubgraphTimeout;
            message = state.Deadline.IsCancellationRequested
                ? $"Subgraph '{fetch.ServiceName}' did not answer within the request's deadline of {state.Options.RequestDeadline.TotalMilliseconds:0} ms."
                : $"Subgraph '{fetch.ServiceName}' did not answer within {timeout!.Value.TotalMilliseconds:0} ms.";
        }
        catch (TimeoutException)
        {
            // The transport's own per-attempt timeout.
            code = ErrorCodes.SubgraphTimeout;
            message = $"Subgraph '{fetch.ServiceName}' did not answer in time.";
        }
        catch (SubgraphUnavailableException ex)
        {
            code = ErrorCodes.SubgraphUnavailable;
            message = $"Subgraph '{fetch.ServiceName}' is not being called for now: {ex.Message}";
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
        return (null, new GraphQLError(message, code, Extensions: SubgraphErrors.ServiceExtension(fetch.ServiceName)));
    }
}
