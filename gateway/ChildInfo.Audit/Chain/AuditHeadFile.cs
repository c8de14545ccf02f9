using System.Buffers;
using System.IO.MemoryMappedFiles;
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
/// One write per group commit, and no system call: the file is mapped into memory once and each head, padded to a
/// fixed block of <see cref="BlockSize"/> bytes, is copied over the last. The page cache holds it at once (a process
/// killed after the copy leaves it in the file) and the kernel writes it back to disk as it does any write that is
/// not synced. Replacing the file by a rename, or truncating it, made ext4 flush it at every commit (2 to 4 ms each,
/// as much as the database's own sync); writing it with open, write and close cost 80 us of processor time per commit
/// and, on a busy machine, a quarter of SQLite's single-record commit rate. A file deleted from its path is created
/// and mapped again within a second (its path is looked at once a second, not at every commit).
/// <para>
/// The writer checks the file before every commit (<see cref="Check"/>, called by the sealer under the store's lock)
/// and refuses to append to a chain that does not reach the head it last wrote: appending would overwrite the only
/// evidence that records were removed. A head it could not write is written again before the next commit, and that
/// commit is refused while it still cannot be written, so the file lags by one batch at most.
/// </para>
/// </remarks>
public sealed class AuditHeadFile(string path, AuditCheckpointSigner signer, TimeProvider? time = null) : IDisposable
{
    /// <summary>How often the writer looks whether the file is still at its path.</summary>
    private static readonly TimeSpan LookInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The size of the block the head is written in: one disk sector.</summary>
    private const int BlockSize = 512;

    /// <summary>Files this large are not heads; reading stops there.</summary>
    private const int MaxBytes = 4096;

    private bool _loaded;
    private AuditHead? _last;
    private AuditHead? _unwritten;
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private int _mappedLength;
    private DateTimeOffset _lookedAt = DateTimeOffset.MinValue;
    private readonly ArrayBufferWriter<byte> _text = new(BlockSize);
    private readonly Utf8JsonWriter _json = new(Stream.Null);
    private byte[] _block = [];

    public string Path => path;

    /// <summary>What the file at <paramref name="path"/> holds, without checking its signature.</summary>
    public static HeadFileReading Read(string path)
    {
        byte[] bytes;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length > MaxBytes)
            {
                return HeadFileReading.Unreadable($"it is {file.Length} bytes long, far more than a head");
            }

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
    /// What the file holds, read again (up to twice) while it does not hold a genuine head: a reader may catch the
    /// writer's copy half-done, since a mapped file is written without a lock.
    /// </summary>
    public static HeadFileReading ReadSettled(string path, AuditCheckpointSigner signer)
    {
        var reading = Read(path);
        for (var again = 0; again < 2 && (reading.State == HeadFileState.Unreadable || reading.Head is { } head && !signer.IsGenuine(head)); again++)
        {
            reading = Read(path);
        }

        return reading;
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
            switch (ReadSettled(path, signer))
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
        {
            return;
        }

        if (head.Sequence < last.Sequence)
        {
            throw new InvalidOperationException($"The audit store's chain ends at record {head.Sequence}, but the head file '{path}' says record {last.Sequence} was written: records were removed or the store was rolled back. Nothing is appended until it has been looked into (childinfo audit verify).");
        }

        if (head.Sequence == last.Sequence && head.RecordHash != last.RecordHash)
        {
            throw new InvalidOperationException($"Record {head.Sequence} in the audit store is not the record the head file '{path}' vouches for: the chain was rebuilt. Nothing is appended until it has been looked into (childinfo audit verify).");
        }

        if (head.Signed is null && head.Sequence > 0)
        {
            throw new InvalidOperationException($"The audit store's chain head (record {head.Sequence}) is not signed, although the head file '{path}' shows heads have been signed here: the head row was replaced. Nothing is appended until it has been looked into (childinfo audit verify).");
        }
    }

    /// <summary>Records that <paramref name="head"/> is committed; a head that cannot be written now is written before the next commit.</summary>
    internal void Committed(AuditHead head)
    {
        if (_last is { } last && head.Sequence <= last.Sequence)
        {
            return;
        }

        try
        {
            Write(head);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _unwritten = head;
        }
    }

    /// <summary>Copies the head's block into the mapped file; maps it first, or again when the file is gone from its path.</summary>
    private void Write(AuditHead head)
    {
        var block = Format(head);
        if (_view is null || _mappedLength != block.Length || GoneFromItsPath())
        {
            Map(block.Length);
        }

        _view!.WriteArray(0, block, 0, block.Length);
        _last = head;
        _loaded = true;
        _unwritten = null;
    }

    /// <summary>Whether the mapped file was deleted from its path; looked at once every <see cref="LookInterval"/> at most, to keep commits free of system calls.</summary>
    private bool GoneFromItsPath()
    {
        var now = _time.GetUtcNow();
        if (now - _lookedAt < LookInterval)
        {
            return false;
        }

        _lookedAt = now;
        return !File.Exists(path);
    }

    private void Map(int length)
    {
        Unmap();
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
        // Shared for reading and writing (the verifier and other replicas open it too); the map owns the stream.
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            if (file.Length != length)
            {
                file.SetLength(length);
            }

            _map = MemoryMappedFile.CreateFromFile(file, null, length, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _view = _map.CreateViewAccessor(0, length);
        _mappedLength = length;
    }

    private void Unmap()
    {
        _view?.Dispose();
        _map?.Dispose();
        _view = null;
        _map = null;
    }

    /// <summary>Unmaps the file; what was written stays in it.</summary>
    public void Dispose()
    {
        Unmap();
        _json.Dispose();
    }

    /// <summary>
    /// The head as one line of JSON, padded with spaces (which JSON ignores) to a whole number of blocks, written into
    /// this file's reused buffers (the array returned is overwritten by the next call).
    /// </summary>
    private byte[] Format(AuditHead head)
    {
        _text.ResetWrittenCount();
        _json.Reset(_text);
        _json.WriteStartObject();
        _json.WriteNumber("sequence", head.Sequence);
        _json.WriteString("recordHash", head.RecordHash);
        _json.WriteString("time", AuditCanonicalForm.FormatTime(head.Time));
        _json.WriteString("keyId", head.KeyId);
        _json.WriteString("signature", head.Signature);
        _json.WriteEndObject();
        _json.Flush();

        var size = (_text.WrittenCount / BlockSize + 1) * BlockSize;
        if (_block.Length != size)
        {
            _block = new byte[size];
        }

        _text.WrittenSpan.CopyTo(_block);
        _block.AsSpan(_text.WrittenCount, size - _text.WrittenCount - 1).Fill((byte)' ');
        _block[^1] = (byte)'\n';
        return _block;
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
