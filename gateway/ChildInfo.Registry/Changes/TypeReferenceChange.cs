namespace ChildInfo.Registry;

/// <summary>How a field's or argument's type moved between two schemas.</summary>
internal enum TypeReferenceChange
{
    /// <summary>Identical.</summary>
    Same,

    /// <summary>Same named type and list shape, with non-null added somewhere and removed nowhere.</summary>
    Tightened,

    /// <summary>Same named type and list shape, with non-null removed somewhere and added nowhere.</summary>
    Loosened,

    /// <summary>A different named type or list shape, or non-null both added and removed.</summary>
    Changed,
}
