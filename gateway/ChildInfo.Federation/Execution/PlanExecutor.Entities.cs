using System.Buffers;
using System.Text.Json;
using ChildInfo.Federation.Diagnostics;
using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation.Execution;

/// <summary>Entity fetches: collect the objects at a path, send one deduplicated <c>_entities</c> call, merge back.</summary>
internal static partial class PlanExecutor
{
    /// <summary>
    /// One <c>_entities</c> call: the representations of each part (a <see cref="FlattenStep"/> alone, or the parts
    /// of a <see cref="BatchStep"/>) in a variable of its own, and each part's answer merged back from its response key.
    /// </summary>
    private static async Task RunEntityFetchAsync(FetchStep call, IReadOnlyList<FlattenStep> parts, ExecutionState state, CancellationToken cancellationToken)
    {
        // For each part, the objects it asks for, each with the position of its representation.
        var targets = new List<TargetObject>[parts.Count];
        // For each part, its distinct representations (their number bounds how much of its answer is read).
        var slices = new List<RepresentationSlice>[parts.Count];
        // Rented, and returned once the subgraph has answered. A failed or cancelled call leaves it to the collector
        // instead: the transport could still be reading it while the call is abandoned.
        var body = new PooledBufferWriter(4096);
        lock (state.Gate)
        {
            // One list for all the request's entity calls: each collects under the gate and is done with it there.
            var found = state.Collected;
            // Rented: the representations are copied into the body below, under the same lock, and returned after.
            using var representations = new PooledBufferWriter(4096);
            var comparer = new RepresentationComparer(representations);
            var sending = 0;
            using (var repWriter = new Utf8JsonWriter(representations))
            {
                for (var p = 0; p < parts.Count; p++)
                {
                    (targets[p], slices[p]) = CollectRepresentations(state, parts[p], found, representations, comparer, repWriter);
                    sending += slices[p].Count;
                }
            }

            if (sending == 0)
            {
                // Nothing to send; objects the guard checks here are still decided on (without their guard fields).
                foreach (var part in parts)
                {
                    RecordGuarding.Check(state, part.Fetch);
                }

                body.Dispose();
                return;
            }

            using var writer = new Utf8JsonWriter(body);
            writer.WriteStartObject();
            writer.WriteString("query", call.OperationText);
            writer.WriteStartObject("variables");
            for (var p = 0; p < parts.Count; p++)
            {
                writer.WriteStartArray(parts[p].Fetch.Entity!.RepresentationsVariable);
                foreach (var slice in slices[p])
                {
                    writer.WriteRawValue(comparer.Bytes(slice), skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            WriteVariables(writer, call, state);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var (response, failure) = await SendAsync(call, body.WrittenMemory, state, cancellationToken).ConfigureAwait(false);
        if (response is not null)
        {
            body.Dispose();
        }

        lock (state.Gate)
        {
            if (response is null)
            {
                // As Apollo Router does: the failure is reported once for every entity the fetch should have filled,
                // at that entity's path.
                for (var p = 0; p < parts.Count; p++)
                {
                    var guarded = parts[p].Fetch.Guards.Count > 0;
                    var paths = PathsOf(state, parts[p]);
                    foreach (var (_, obj) in targets[p])
                    {
                        obj.Unanswered |= guarded;
                        if (paths.TryGetValue(obj, out var path))
                        {
                            state.FailedPaths.Add(path);
                            state.Errors.Add(failure! with { Path = path });
                        }
                    }
                }
            }
            else
            {
                using var activity = FederationTelemetry.Source.StartActivity("merge");
                activity?.SetTag("graphql.federation.subgraph", call.ServiceName);
                var root = response.Document.RootElement;
                var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
                for (var p = 0; p < parts.Count; p++)
                {
                    MergeEntities(state, parts[p].Fetch, hasData ? data : default, targets[p], slices[p].Count);
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    var paths = new Dictionary<int, List<object[]>>?[parts.Count];
                    SubgraphErrors.ForEachPassedOn(state, errors, call.ServiceName, (state, call.ServiceName, parts, targets, paths), static (error, c) =>
                        AddEntityError(c.state, c.ServiceName, error, c.parts, c.targets, c.paths));
                }
            }

            // Guards run once every part is merged, so each sees all this call brought.
            foreach (var part in parts)
            {
                RecordGuarding.Check(state, part.Fetch);
            }
        }
    }

    /// <summary>
    /// The distinct representations of one part's objects, and the objects each stands for. Called under the gate;
    /// the slices point into <paramref name="representations"/>, which the whole call shares.
    /// </summary>
    private static (List<TargetObject> Targets, List<RepresentationSlice> Slices) CollectRepresentations(
        ExecutionState state, FlattenStep part, List<(ResultObject Object, object[]? Path)> found, PooledBufferWriter representations,
        RepresentationComparer comparer, Utf8JsonWriter repWriter)
    {
        var fetch = part.Fetch;
        var targets = new List<TargetObject>();
        var slices = new List<RepresentationSlice>();
        var index = new Dictionary<RepresentationSlice, int>(comparer);
        // Most objects share one field list; whether it carries anything beyond the key is worked out once per list.
        IReadOnlyList<PlannedField>? lastFields = null;
        var beyondKey = false;
        ForwardingRecorder? forwarding = null;
        // Every entity type of the part in one list; each distinct representation is sent once, and the answer at its
        // position goes to every object that produced it.
        foreach (var target in fetch.Entity!.Targets)
        {
            found.Clear();
            // Without paths: an object's path is only needed for an error, and is found again then (PathsOf).
            Collect(state, state.Data, part.Path, 0, null, target.ObjectType, found);
            targets.EnsureCapacity(targets.Count + found.Count);
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
                if (!ReferenceEquals(fields, lastFields))
                {
                    lastFields = fields;
                    beyondKey = Forwarding.BeyondKey(fields, target.Key);
                }

                // Fields beyond the key (a @requires) are a disclosure to this subgraph: kept on the object for the audit.
                if (beyondKey && state.NotesForwarding)
                {
                    (forwarding ??= new ForwardingRecorder(fetch.ServiceName)).Record(state.Schema, item.Object, item.Object.Typename ?? target.ObjectType, fields, target.Key);
                }

                var slice = new RepresentationSlice(start, representations.WrittenCount - start);
                if (!index.TryGetValue(slice, out var position))
                {
                    position = slices.Count;
                    index[slice] = position;
                    slices.Add(slice);
                }

                targets.Add(new TargetObject(position, item.Object));
            }
        }

        return (targets, slices);
    }

    /// <summary>
    /// Merges one part's <c>_entities</c> answer (under its response key) into the objects it was asked for; of the
    /// answer's entries only the first <paramref name="sent"/> are read, one per representation sent.
    /// </summary>
    private static void MergeEntities(ExecutionState state, FetchStep fetch, JsonElement data, List<TargetObject> targets, int sent)
    {
        // Only a fetch that brings guard fields says which of its objects it gave nothing for (see RecordGuarding).
        var guarded = fetch.Guards.Count > 0;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(fetch.Entity!.ResponseName, out var entities) || entities.ValueKind != JsonValueKind.Array)
        {
            foreach (var target in targets)
            {
                target.Object.Unanswered |= guarded;
            }

            return;
        }

        // The answers by position, read once: indexing a JSON array of objects walks it from the start each time.
        // A subgraph answering more entries than it was sent representations gets the rest ignored, unread.
        var count = Math.Min(entities.GetArrayLength(), sent);
        var answers = ArrayPool<JsonElement>.Shared.Rent(count);
        try
        {
            var i = 0;
            foreach (var result in entities.EnumerateArray())
            {
                if (i == count)
                {
                    break;
                }

                answers[i++] = result;
            }

            foreach (var (position, obj) in targets)
            {
                if (position < count && answers[position].ValueKind == JsonValueKind.Object)
                {
                    obj.Merge(answers[position], state.Names);
                }
                else
                {
                    obj.Unanswered |= guarded;
                }
            }
        }
        finally
        {
            ArrayPool<JsonElement>.Shared.Return(answers, clearArray: true);
        }
    }

    private static void AddEntityError(
        ExecutionState state, string service, JsonElement error, IReadOnlyList<FlattenStep> parts, List<TargetObject>[] targets,
        Dictionary<int, List<object[]>>?[] paths)
    {
        if (error.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array && path.GetArrayLength() >= 2
            && path[0].ValueKind == JsonValueKind.String && PartAnswering(parts, path[0]) is var part && part >= 0
            && path[1].ValueKind == JsonValueKind.Number && path[1].TryGetInt32(out var index)
            && (paths[part] ??= PathsByPosition(state, parts[part], targets[part])).TryGetValue(index, out var objectPaths))
        {
            var rest = SubgraphErrors.ReadPath(error, 2)!;
            foreach (var objectPath in objectPaths)
            {
                SubgraphErrors.Add(state, error, service, rest, objectPath);
            }

            return;
        }

        SubgraphErrors.Add(state, error, service, null, null);
    }

    /// <summary>
    /// The paths of the objects at a part's path, found again when an error needs them: kept for every object sent,
    /// they were a sixth of what a large request allocated. Objects do not move in the merged result, so each is found
    /// where it was collected, unless a record guard has withheld an object above it since, and then no error is
    /// reported inside what is withheld.
    /// </summary>
    private static Dictionary<ResultObject, object[]> PathsOf(ExecutionState state, FlattenStep part)
    {
        var paths = new Dictionary<ResultObject, object[]>(ReferenceEqualityComparer.Instance);
        var found = new List<(ResultObject Object, object[]? Path)>();
        foreach (var target in part.Fetch.Entity!.Targets)
        {
            found.Clear();
            Collect(state, state.Data, part.Path, 0, [], target.ObjectType, found);
            foreach (var (obj, path) in found)
            {
                paths.TryAdd(obj, path!);
            }
        }

        return paths;
    }

    /// <summary>
    /// For each position of a part's representations, the paths of the objects it stood for: built once for all of a
    /// call's errors, so that a subgraph's many errors each cost one lookup.
    /// </summary>
    private static Dictionary<int, List<object[]>> PathsByPosition(ExecutionState state, FlattenStep part, List<TargetObject> targets)
    {
        var paths = PathsOf(state, part);
        var byPosition = new Dictionary<int, List<object[]>>();
        foreach (var (position, obj) in targets)
        {
            var atPosition = byPosition.TryGetValue(position, out var list) ? list : byPosition[position] = [];
            if (paths.TryGetValue(obj, out var path))
            {
                atPosition.Add(path);
            }
        }

        return byPosition;
    }

    /// <summary>The part whose <c>_entities</c> response key an error's path starts with; -1 for none.</summary>
    private static int PartAnswering(IReadOnlyList<FlattenStep> parts, JsonElement responseKey)
    {
        for (var p = 0; p < parts.Count; p++)
        {
            if (responseKey.ValueEquals(parts[p].Fetch.Entity!.ResponseName))
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>
    /// The objects of <paramref name="objectType"/> at <paramref name="path"/>, never inside a withheld object, each
    /// with its path when <paramref name="current"/> is given (null leaves the paths out).
    /// </summary>
    internal static void Collect(
        ExecutionState state, ResultValue node, IReadOnlyList<string> path, int index, List<object>? current, string objectType,
        List<(ResultObject, object[]?)> into)
    {
        if (node.Object is { WithheldRecord: not null })
        {
            return;
        }

        if (index == path.Count)
        {
            if (node.Object is { } obj && obj.Typename is { } typename && state.Schema.Matches(typename, objectType))
            {
                into.Add((obj, current?.ToArray()));
            }

            return;
        }

        var segment = path[index];
        if (segment == "@")
        {
            if (node.List is { } list)
            {
                for (var i = 0; i < list.Items.Length; i++)
                {
                    current?.Add(PathIndex.Of(i));
                    Collect(state, list.Items[i], path, index + 1, current, objectType, into);
                    current?.RemoveAt(current.Count - 1);
                }
            }

            return;
        }

        if (node.Object is { } parent)
        {
            current?.Add(segment);
            Collect(state, parent.Get(segment), path, index + 1, current, objectType, into);
            current?.RemoveAt(current.Count - 1);
        }
    }

    /// <summary>An object an entity call asks for, and the position of its representation among those sent.</summary>
    private readonly record struct TargetObject(int Position, ResultObject Object);
}
