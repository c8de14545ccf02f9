namespace ChildInfo.Subgraphs.VoluntarySector;

internal static class Program
{
    private static void Main() { }
}
