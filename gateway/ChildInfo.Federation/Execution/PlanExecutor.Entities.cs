using System.Buffers;
using System.Text.Json;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation.Execution;

/// <summary>Entity fetches: collect the objects at a path, send one deduplicated <c>_entities</c> call, merge back.</summary>
internal static partial class PlanExecutor
{
    private static async Task RunEntityFetchAsync(FlattenStep flatten, ExecutionState state, CancellationToken cancellationToken)
    {
        var fetch = flatten.Fetch;
        var entity = fetch.Entity!;
        var targets = new List<List<(ResultObject Object, object[] Path)>>();
        var body = new ArrayBufferWriter<byte>(1024);
        lock (state.Gate)
        {
            var found = new List<(ResultObject Object, object[] Path)>();
            var representations = new ArrayBufferWriter<byte>(256);
            var index = new Dictionary<ReadOnlyMemory<byte>, int>(RepresentationComparer.Instance);
            var slices = new List<ReadOnlyMemory<byte>>();
            using (var repWriter = new Utf8JsonWriter(representations))
            {
                // One call for every entity type of the fetch; each distinct representation is sent once, and the
                // answer at its position goes to every object that produced it.
                foreach (var target in entity.Targets)
                {
                    found.Clear();
                    Collect(state, state.Data, flatten.Path, 0, [], target.ObjectType, found);
                    foreach (var item in found)
                    {
                        // An object of a type the planner fetched no key for was not meant for this call.
                        if (target.FieldsFor(item.Object.Typename, state.Schema) is not { } fields)
                        {
                            continue;
                        }

                        if (!PlannedValues.HasKey(state.Schema, item.Object, fields, target.Key))
                        {
                            // No whole key, no representation: the rest of the batch still goes, and what this fetch
                            // would have brought stays null (a guard's fields too, so the guard treats it as unanswered).
                            item.Object.Unanswered |= fetch.Guards.Count > 0;
                            continue;
                        }

                        var start = representations.WrittenCount;
                        repWriter.Reset(representations);
                        Representations.Write(repWriter, state.Schema, item.Object, target.RepresentationTypename, fields);
                        repWriter.Flush();
                        var slice = representations.WrittenMemory[start..];
                        if (!index.TryGetValue(slice, out var position))
                        {
                            position = slices.Count;
                            index[slice] = position;
                            slices.Add(slice);
                            targets.Add([]);
                        }

                        targets[position].Add(item);
                    }
                }
            }

            if (slices.Count == 0)
            {
                // Nothing to send; objects the guard checks here are still decided on (without their guard fields).
                RecordGuarding.Check(state, fetch);
                return;
            }

            using var writer = new Utf8JsonWriter(body);
            writer.WriteStartObject();
            writer.WriteString("query", fetch.OperationText);
            writer.WriteStartObject("variables");
            writer.WriteStartArray(entity.RepresentationsVariable);
            foreach (var slice in slices)
            {
                writer.WriteRawValue(slice.Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
            WriteVariables(writer, fetch, state);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var (response, failure) = await SendAsync(fetch, body.WrittenMemory, state, cancellationToken).ConfigureAwait(false);
        // Only a fetch that brings guard fields says which of its objects it gave nothing for (see RecordGuarding).
        var guarded = fetch.Guards.Count > 0;
        lock (state.Gate)
        {
            if (response is null)
            {
                // As Apollo Router does: the failure is reported once for every entity the fetch should have filled,
                // at that entity's path.
                foreach (var group in targets)
                {
                    foreach (var (obj, path) in group)
                    {
                        state.FailedPaths.Add(path);
                        state.Errors.Add(failure! with { Path = path });
                        obj.Unanswered |= guarded;
                    }
                }

                RecordGuarding.Check(state, fetch);
                return;
            }

            using var activity = FederationTelemetry.Source.StartActivity("merge");
            activity?.SetTag("graphql.federation.subgraph", fetch.ServiceName);
            var root = response.Document.RootElement;
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("_entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var result in entities.EnumerateArray())
                {
                    if (i >= targets.Count)
                    {
                        break;
                    }

                    foreach (var (obj, _) in targets[i])
                    {
                        if (result.ValueKind == JsonValueKind.Object)
                        {
                            obj.Merge(result, state.Names);
                        }
                        else
                        {
                            obj.Unanswered |= guarded;
                        }
                    }

                    i++;
                }

                for (; guarded && i < targets.Count; i++)
                {
                    foreach (var (obj, _) in targets[i])
                    {
                        obj.Unanswered = true;
                    }
                }
            }
            else if (guarded)
            {
                foreach (var group in targets)
                {
                    foreach (var (obj, _) in group)
                    {
                        obj.Unanswered = true;
                    }
                }
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    AddEntityError(state, fetch.ServiceName, error, targets);
                }
            }

            RecordGuarding.Check(state, fetch);
        }
    }

    private static void AddEntityError(ExecutionState state, string service, JsonElement error, List<List<(ResultObject Object, object[] Path)>> targets)
    {
        if (error.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array && path.GetArrayLength() >= 2
            && path[0].ValueKind == JsonValueKind.String && path[0].GetString() == "_entities"
            && path[1].ValueKind == JsonValueKind.Number && path[1].TryGetInt32(out var index) && index >= 0 && index < targets.Count)
        {
            var rest = SubgraphErrors.ReadPath(error, 2)!;
            foreach (var (_, objectPath) in targets[index])
            {
                SubgraphErrors.Add(state, error, service, rest, objectPath);
            }

            return;
        }

        SubgraphErrors.Add(state, error, service, null, null);
    }

    /// <summary>The objects of <paramref name="objectType"/> at <paramref name="path"/>, never inside a withheld object.</summary>
    internal static void Collect(
        ExecutionState state, ResultValue node, IReadOnlyList<string> path, int index, List<object> current, string objectType,
        List<(ResultObject, object[])> into)
    {
        if (node.Object is { WithheldRecord: not null })
        {
            return;
        }

        if (index == path.Count)
        {
            if (node.Object is { } obj && obj.Typename is { } typename && state.Schema.Matches(typename, objectType))
            {
                into.Add((obj, current.ToArray()));
            }

            return;
        }

        var segment = path[index];
        if (segment == "@")
        {
            if (node.List is { } list)
            {
                for (var i = 0; i < list.Items.Count; i++)
                {
                    current.Add(i);
                    Collect(state, list.Items[i], path, index + 1, current, objectType, into);
                    current.RemoveAt(current.Count - 1);
                }
            }

            return;
        }

        if (node.Object is { } parent)
        {
            current.Add(segment);
            Collect(state, parent.Get(segment), path, index + 1, current, objectType, into);
            current.RemoveAt(current.Count - 1);
        }
    }
}
