namespace ChildInfo.Federation.Execution;

/// <summary>Compares serialised representations byte for byte, to send each distinct one once.</summary>
internal sealed class RepresentationComparer : IEqualityComparer<ReadOnlyMemory<byte>>
{
    public static readonly RepresentationComparer Instance = new();

    public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<byte> obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj.Span);
        return hash.ToHashCode();
    }
}
