namespace ChildInfo.Testing;

/// <summary>
/// A folder of the test's own in the temp folder, deleted with everything in it on <see cref="Dispose"/>: a test
/// class holds one and disposes it (xunit disposes the class after each test, failed or not).
/// </summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <param name="prefix">Begins the folder's name, for example <c>childinfo-registry-</c>.</param>
    public static TempFolder Create(string prefix) => new(Directory.CreateTempSubdirectory(prefix).FullName);

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => RunTempFolder.DeleteTree(Path);
}
