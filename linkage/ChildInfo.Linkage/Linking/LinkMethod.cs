namespace ChildInfo.Linkage.Linking;

/// <summary>How a link was made, as the child index and the joined-up view report it.</summary>
public static class LinkMethod
{
    /// <summary>Both records hold the same NHS number.</summary>
    public const string NhsNumber = "deterministic_nhs";

    /// <summary>Both records hold the same unique pupil number.</summary>
    public const string Upn = "deterministic_upn";

    /// <summary>Matched on names, date of birth, sex and postcode, with the weight of the evidence.</summary>
    public const string Probabilistic = "probabilistic";

    /// <summary>A person reviewed the evidence and accepted the link.</summary>
    public const string Reviewed = "reviewed";
}
