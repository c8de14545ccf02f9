using System.Globalization;

namespace ChildInfo.Federation.Transport;

/// <summary>
/// Reads a subgraph's answer up to a number of bytes and no further. A registered subgraph is trusted with its own
/// data, not with the gateway's memory: without a bound, an answer that never ends (or a huge one) would be parsed
/// whole. The bound counts the bytes as decoded, so a compressed answer cannot get round it.
/// </summary>
public static class BoundedAnswer
{
    /// <summary>
    /// The answer's body, which throws <see cref="AnswerTooLargeException"/> once more than <paramref name="maxBytes"/>
    /// have been read; thrown at once when the declared length is already over.
    /// </summary>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new AnswerTooLargeException(maxBytes);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new LimitedStream(stream, maxBytes);
    }

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Ask(count)));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Ask(buffer.Length)]));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer[..Ask(buffer.Length)], cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        // One byte more than is allowed may be asked for, so that an answer of exactly the bound is read whole and
        // one a byte longer is refused, without ever holding more than the bound and a byte.
        private int Ask(int count) => (int)Math.Min(count, Math.Max(maxBytes - _read + 1, 1));

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes ? throw new AnswerTooLargeException(maxBytes) : read;
        }
    }
}

/// <summary>
/// A subgraph's answer was longer than the gateway reads. An <see cref="HttpRequestException"/>, so that every reader
/// that already treats a broken answer as "did not answer" treats this one the same way.
/// </summary>
public sealed class AnswerTooLargeException : HttpRequestException
{
    public AnswerTooLargeException(long maxBytes)
        : base(HttpRequestError.InvalidResponse, string.Create(CultureInfo.InvariantCulture, $"The answer was longer than {maxBytes:N0} bytes, more than the gateway reads."))
    {
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }
}
