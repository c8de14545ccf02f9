using System.Text.Json;
using ChildInfo.Audit.Records;

namespace ChildInfo.Audit.Chain;

/// <summary>
/// The chain's signed head kept in a file outside the database, rewritten after every commit. Deleting records, or
/// rolling the whole database back to an earlier copy, leaves this file naming a record the chain no longer holds.
/// It may lag the database by the batch being committed when the process stops; it is never ahead of it unless
/// records were taken away.
/// </summary>
/// <remarks>
/// One write per group commit: the head, padded to a fixed block of <see cref="BlockSize"/> bytes, overwrites the
/// file in place (opened by its path each time, so a file put in its place is the one written). A block that size
/// is written by the disk as a whole, and the file never shrinks, so it is never seen half-written. Replacing it by a
/// rename, or truncating it, made ext4 flush the file at every commit: 2 to 4 ms each, as much as the database's
/// own sync; this costs tens of microseconds.
/// <para>
/// The writer checks the file before every commit (<see cref="Check"/>, called by the sealer under the store's lock)
/// and refuses to append to a chain that does not reach the head it last wrote: appending would overwrite the only
/// evidence that records were removed. A head it could not write is written again before the next commit, and that
/// commit is refused while it still cannot be written, so the file lags by one batch at most.
/// </para>
/// </remarks>
public sealed class AuditHeadFile(string path, AuditCheckpointSigner signer)
{
    /// <summary>The size of the block the head is written in: one disk sector.</summary>
    private const int BlockSize = 512;

    /// <summary>Files this large are not heads; reading stops there.</summary>
    private const int MaxBytes = 4096;

    private bool _loaded;
    private AuditHead? _last;
    private AuditHead? _unwritten;

    public string Path => path;

    /// <summary>What the file at <paramref name="path"/> holds, without checking its signature.</summary>
    public static HeadFileReading Read(string path)
    {
        byte[] bytes;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length > MaxBytes)
                return HeadFileReading.Unreadable($"it is {file.Length} bytes long, far more than a head");
            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return HeadFileReading.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HeadFileReading.Unreadable($"it cannot be opened ({ex.Message})");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var time = root.GetProperty("time").GetString()!;
            var head = new AuditHead(
                root.GetProperty("sequence").GetInt64(),
                root.GetProperty("recordHash").GetString()!,
                AuditCanonicalForm.ParseTime(time),
                root.GetProperty("keyId").GetString()!,
                root.GetProperty("signature").GetString()!);
            return HeadFileReading.Found(head);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return HeadFileReading.Unreadable("it does not hold a head in the form the gateway writes");
        }
    }

    /// <summary>
    /// Throws (so the append is rolled back) when the store's head does not reach the head this file holds, or when
    /// the file cannot be trusted or written. Called with the head row read under the store's append lock.
    /// </summary>
    internal void Check(ChainHead head)
    {
        if (_unwritten is { } unwritten)
        {
            try
            {
                Write(unwritten);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The audit head file '{path}' cannot be written ({ex.Message}), so nothing more is appended until it can be.", ex);
            }
        }

        if (!_loaded)
        {
            switch (Read(path))
            {
                case { State: HeadFileState.Unreadable, Problem: var problem }:
                    throw new InvalidOperationException($"The audit head file '{path}' cannot be read: {problem}. Nothing is appended until it has been looked into: check the log with childinfo audit verify, then move the file aside.");
                case { State: HeadFileState.Found, Head: { } found } when !signer.IsGenuine(found):
                    throw new InvalidOperationException($"The audit head file '{path}' is not a head this gateway signed: {signer.WhyNotGenuine(found.KeyId)}. Nothing is appended until it has been looked into: check the log with childinfo audit verify, then move the file aside.");
                case { Head: var found }:
                    _last = found;
                    break;
            }
            _loaded = true;
        }

        if (_last is not { } last)
            return;
        if (head.Sequence < last.Sequence)
            throw new InvalidOperationException($"The audit store's chain ends at record {head.Sequence}, but the head file '{path}' says record {last.Sequence} was written: records were removed or the store was rolled back. Nothing is appended until it has been looked into (childinfo audit verify).");
        if (head.Sequence == last.Sequence && head.RecordHash != last.RecordHash)
            throw new InvalidOperationException($"Record {head.Sequence} in the audit store is not the record the head file '{path}' vouches for: the chain was rebuilt. Nothing is appended until it has been looked into (childinfo audit verify).");
        if (head.Signed is null && head.Sequence > 0)
            throw new InvalidOperationException($"The audit store's chain head (record {head.Sequence}) is not signed, although the head file '{path}' shows heads have been signed here: the head row was replaced. Nothing is appended until it has been looked into (childinfo audit verify).");
    }

    /// <summary>Records that <paramref name="head"/> is committed; a head that cannot be written now is written before the next commit.</summary>
    internal void Committed(AuditHead head)
    {
        if (_last is { } last && head.Sequence <= last.Sequence)
            return;
        try
        {
            Write(head);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _unwritten = head;
        }
    }

    private void Write(AuditHead head)
    {
        if (_last is null && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        var block = Format(head);
        using (var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            RandomAccess.Write(file, block, 0);
            if (RandomAccess.GetLength(file) != block.Length)
                RandomAccess.SetLength(file, block.Length);
        }
        _last = head;
        _loaded = true;
        _unwritten = null;
    }

    /// <summary>The head as one line of JSON, padded with spaces (which JSON ignores) to a whole number of blocks.</summary>
    private static byte[] Format(AuditHead head)
    {
        using var buffer = new MemoryStream(BlockSize);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", head.Sequence);
            json.WriteString("recordHash", head.RecordHash);
            json.WriteString("time", AuditCanonicalForm.FormatTime(head.Time));
            json.WriteString("keyId", head.KeyId);
            json.WriteString("signature", head.Signature);
            json.WriteEndObject();
        }
        var size = ((int)buffer.Length / BlockSize + 1) * BlockSize;
        while (buffer.Length < size - 1)
            buffer.WriteByte((byte)' ');
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}

public enum HeadFileState
{
    Missing,
    Unreadable,
    Found,
}

/// <summary>What a head file holds: nothing, something that is not a head (and why), or a head (signature unchecked).</summary>
public sealed record HeadFileReading(HeadFileState State, AuditHead? Head, string? Problem)
{
    public static readonly HeadFileReading Missing = new(HeadFileState.Missing, null, null);

    public static HeadFileReading Unreadable(string problem) => new(HeadFileState.Unreadable, null, problem);

    public static HeadFileReading Found(AuditHead head) => new(HeadFileState.Found, head, null);
}
