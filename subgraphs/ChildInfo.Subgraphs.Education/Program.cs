namespace ChildInfo.Subgraphs.Education;

internal static class Program
{
    private static void Main() { }
}
