using System.Collections.Immutable;

namespace ChildInfo.Registry;

/// <summary>
/// The local default: the registry in one JSON file, for a single gateway without Redis. A write goes to a temporary
/// file in the same folder and is renamed over the old one, so a crash leaves the old registry or the new one, never
/// half of either. The compare-and-set runs under a semaphore (this process) and an exclusive lock file beside the
/// registry (other processes, such as the command-line tool). Changed is raised after this store's own writes only:
/// other processes' writes to the file are not watched.
/// </summary>
public sealed class FileRegistryStore : IRegistryStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _lockPath;
    private bool _disposed;

    /// <param name="path">The registry file; its folder is created on the first write.</param>
    public FileRegistryStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _lockPath = FilePath + ".lock";
    }

    /// <summary>The full path of the registry file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public string Description => $"file {FilePath}";

    /// <inheritdoc />
    public event EventHandler<RegistryChanged>? Changed;

    /// <inheritdoc />
    public Task<RegistrySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadFileAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RegistrySnapshot?> TryWriteAsync(long expectedRevision, ImmutableArray<SubgraphEntry> subgraphs, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRevision);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var written = new RegistrySnapshot(expectedRevision + 1, RegistrySnapshot.Order(subgraphs));

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using (await FileLock.AcquireAsync(_lockPath, LockTimeout, cancellationToken).ConfigureAwait(false))
            {
                var current = await ReadFileAsync(cancellationToken).ConfigureAwait(false);
                if (current.Revision != expectedRevision)
                {
                    return null;
                }

                await ReplaceFileAsync(RegistryJson.Serialize(written.Revision, written.Subgraphs), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RegistryStoreException($"Cannot write the registry file {FilePath}: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }

        ChangeNotice.Raise(Changed, this, new RegistryChanged(written.Revision, RegistryChangeKind.Written));
        return written;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        Changed = null;
        return ValueTask.CompletedTask;
    }

    private async Task<RegistrySnapshot> ReadFileAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return RegistrySnapshot.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RegistryStoreException($"Cannot read the registry file {FilePath}: {ex.Message}", ex);
        }

        return RegistryJson.Deserialize(bytes, $"registry file {FilePath}");
    }

    /// <summary>Writes and flushes a temporary file beside the registry, then renames it over the registry in one step.</summary>
    private async Task ReplaceFileAsync(byte[] content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(FilePath)!, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
