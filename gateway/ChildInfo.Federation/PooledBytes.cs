using System.Buffers;

namespace ChildInfo.Federation;

/// <summary>
/// Bytes in an array rented from the shared pool, returned to it once (by whichever holder releases first). Reading
/// after the release throws instead of showing what the pool's next renter wrote there.
/// </summary>
internal sealed class PooledBytes(byte[] array, int length)
{
    private byte[]? _array = array;

    public ReadOnlyMemory<byte> Memory =>
        Volatile.Read(ref _array) is { } array ? array.AsMemory(0, length) : throw new ObjectDisposedException(nameof(GatewayResult), "The result's data has been released.");

    public void Release()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
