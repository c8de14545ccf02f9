namespace ChildInfo.Gateway.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tool(string folder) => Path.Combine(Root, "tests", "tools", folder);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChildInfo.Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository: ChildInfo.Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
