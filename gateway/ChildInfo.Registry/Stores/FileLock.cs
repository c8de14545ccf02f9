using System.Diagnostics;

namespace ChildInfo.Registry;

/// <summary>
/// An exclusive lock held by keeping a lock file open with <see cref="FileShare.None"/> (an OS file lock, released by
/// the OS if the process dies). The lock file is never deleted: deleting it would let two processes lock two different
/// files of the same name.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <exception cref="RegistryStoreException">The lock stayed held by someone else for <paramref name="timeout"/>, or cannot be created.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new RegistryStoreException($"Cannot create the registry lock file {path}: {ex.Message}", ex);
            }
            catch (IOException ex) when (ex is not (DirectoryNotFoundException or PathTooLongException))
            {
                // Held by another writer (this process or another one): wait a little and try again.
                if (Stopwatch.GetElapsedTime(started) > timeout)
                {
                    throw new RegistryStoreException($"The registry lock file {path} stayed locked for {timeout.TotalSeconds:0} s: another process may be stuck while writing ({ex.Message}).", ex);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
            }
            catch (IOException ex)
            {
                throw new RegistryStoreException($"Cannot create the registry lock file {path}: {ex.Message}", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
