namespace ChildInfo.Subgraphs.ChildIndex;

internal static class Program
{
    private static void Main() { }
}
