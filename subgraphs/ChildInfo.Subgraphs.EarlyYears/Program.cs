namespace ChildInfo.Subgraphs.EarlyYears;

internal static class Program
{
    private static void Main() { }
}
