namespace ChildInfo.Federation.Execution;

/// <summary>List positions as path segments (objects, as paths mix names and positions), boxed once for all requests.</summary>
internal static class PathIndex
{
    private static readonly object[] Boxed = [.. Enumerable.Range(0, 1024).Select(i => (object)i)];

    public static object Of(int index) => index >= 0 && index < Boxed.Length ? Boxed[index] : index;
}
