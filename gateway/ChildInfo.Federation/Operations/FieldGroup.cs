namespace ChildInfo.Federation.Operations;

/// <summary>The fields collected under one response key, in document order: one entry of the response.</summary>
public sealed class FieldGroup(string responseKey, IReadOnlyList<CollectedField> fields)
{
    public string ResponseKey { get; } = responseKey;

    /// <summary>Each field node once per type it is read on; never empty.</summary>
    public IReadOnlyList<CollectedField> Fields { get; } = fields;
}
