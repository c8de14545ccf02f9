namespace ChildInfo.Subgraphs.SocialCare;

internal static class Program
{
    private static void Main() { }
}
