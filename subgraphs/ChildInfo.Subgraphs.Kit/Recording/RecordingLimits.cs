namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// The longest text a recording takes (what social care's columns hold); an agency that keeps narrower columns checks
/// its own limits as well.
/// </summary>
public static class RecordingLimits
{
    /// <summary>The child's words, their wishes and feelings, a wish's statement.</summary>
    public const int Words = 1000;

    /// <summary>Setting and method.</summary>
    public const int Short = 100;

    /// <summary>Purposes or agencies a wish names.</summary>
    public const int ListItems = 10;

    /// <summary>One purpose or agency id.</summary>
    public const int Id = 40;
}
