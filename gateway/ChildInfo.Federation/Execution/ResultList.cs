using System.Text.Json;

namespace ChildInfo.Federation.Execution;

/// <summary>A list of the merged result: as long as the JSON array it was read from, and never longer.</summary>
internal sealed class ResultList
{
    public ResultList(JsonElement raw)
    {
        Raw = raw;
        Items = raw.ValueKind == JsonValueKind.Array && raw.GetArrayLength() is > 0 and var length ? new ResultValue[length] : [];
    }

    public JsonElement Raw { get; }

    public ResultValue[] Items { get; }

    /// <summary>Merges a JSON array of the same length element by element.</summary>
    public void Merge(JsonElement source, ResultNames names)
    {
        var i = 0;
        foreach (var item in source.EnumerateArray())
        {
            var existing = Items[i];
            if (item.ValueKind == JsonValueKind.Object && existing.Object is { } obj)
            {
                obj.Merge(item, names);
            }
            else if (item.ValueKind == JsonValueKind.Array && existing.List is { } list && list.Items.Length == item.GetArrayLength())
            {
                list.Merge(item, names);
            }
            else
            {
                Items[i] = ResultObject.Convert(item, names);
            }

            i++;
        }
    }
}
