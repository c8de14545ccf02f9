namespace ChildInfo.Gateway;

internal static class Program
{
    private static void Main() { }
}
