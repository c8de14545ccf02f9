namespace ChildInfo.SampleData;

internal static class Program
{
    private static void Main() { }
}
