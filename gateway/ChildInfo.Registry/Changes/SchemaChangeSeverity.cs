namespace ChildInfo.Registry;

/// <summary>How a change to the API schema affects clients, worst first (reports sort in this order).</summary>
public enum SchemaChangeSeverity
{
    /// <summary>Some queries that work today would fail or get values their clients do not expect.</summary>
    Breaking,

    /// <summary>Queries keep working, but clients may meet something they do not handle (a new enum value, a new union member).</summary>
    Dangerous,

    /// <summary>Nothing a client relies on changes.</summary>
    Safe,
}
