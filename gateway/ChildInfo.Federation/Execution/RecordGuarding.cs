using System.Buffers;
using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// Runs a record guard on the objects a fetch has just brought their guard fields for, and applies its verdicts before
/// anything else reads those objects: a withheld object or field is dropped from the merged result and blocked from
/// later merges, so it is neither written nor sent onward. Called under <see cref="ExecutionState.Gate"/>.
/// </summary>
internal static class RecordGuarding
{
    public static void Check(ExecutionState state, FetchStep fetch)
    {
        if (fetch.Guards.Count == 0 || state.Guard is not { } guard)
        {
            return;
        }

        var found = new List<(ResultObject Object, object[]? Path)>();
        foreach (var point in fetch.Guards)
        {
            found.Clear();
            PlanExecutor.Collect(state, state.Data, point.Path, 0, [], point.TypeName, found);
            foreach (var (obj, path) in found)
            {
                if (obj.Inspected)
                {
                    continue;
                }

                obj.Inspected = true;
                var verdict = guard.Inspect(new GuardedRecord(point.TypeName, path!, GuardFields(state, obj, point), point.Selected, !obj.Unanswered));
                Apply(state, obj, point, verdict);
            }
        }
    }

    private static void Apply(ExecutionState state, ResultObject obj, RecordGuardPoint point, RecordVerdict verdict)
    {
        if (!verdict.Notices.IsDefaultOrEmpty)
        {
            state.Notices.AddRange(verdict.Notices);
        }

        if (verdict.Record is { } record)
        {
            obj.WithholdRecord(record);
            return;
        }

        if (verdict.Fields.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var decision in verdict.Fields)
        {
            var dot = decision.Coordinate.LastIndexOf('.');
            var fieldName = dot < 0 ? decision.Coordinate : decision.Coordinate[(dot + 1)..];
            obj.WithholdField(fieldName, decision, KeysOf(fieldName, point));
        }
    }

    /// <summary>Every response key the field may stand under: the client's aliases, its name, the planner's alias.</summary>
    private static IEnumerable<string> KeysOf(string fieldName, RecordGuardPoint point)
    {
        var nameTaken = false;
        foreach (var (key, field) in point.ClientFields)
        {
            if (field == fieldName)
            {
                yield return key;
            }
            else if (key == fieldName)
            {
                nameTaken = true;
            }
        }

        if (!nameTaken)
        {
            yield return fieldName;
        }

        yield return PlannerAliases.For(fieldName);
    }

    /// <summary>The object's guard fields as one JSON object under their own names, read where the planner fetched them.</summary>
    private static JsonElement GuardFields(ExecutionState state, ResultObject obj, RecordGuardPoint point)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            PlannedValues.WriteFields(writer, state.Schema, obj, point.GuardFields);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
