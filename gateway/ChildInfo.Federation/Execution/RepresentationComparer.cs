namespace ChildInfo.Federation.Execution;

/// <summary>Where one serialised representation lies in the buffer an entity call writes them into.</summary>
internal readonly record struct RepresentationSlice(int Start, int Length);

/// <summary>
/// Compares serialised representations byte for byte, to send each distinct one once. They are held as places in
/// the call's rented buffer rather than as memory: the buffer moves to a larger array as it grows, and the one it
/// leaves goes back to the pool.
/// </summary>
internal sealed class RepresentationComparer(PooledBufferWriter buffer) : IEqualityComparer<RepresentationSlice>
{
    public bool Equals(RepresentationSlice x, RepresentationSlice y) => Bytes(x).SequenceEqual(Bytes(y));

    public int GetHashCode(RepresentationSlice obj)
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes(obj));
        return hash.ToHashCode();
    }

    public ReadOnlySpan<byte> Bytes(RepresentationSlice slice) => buffer.WrittenSpan.Slice(slice.Start, slice.Length);
}
