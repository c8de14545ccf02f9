namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>Who holds a legitimate relationship with a child (the child index's <c>ci_relationship.holder_type</c>).</summary>
public static class RelationshipHolderTypes
{
    /// <summary>A practitioner, by user id (the token's <c>sub</c>).</summary>
    public const string User = "user";

    /// <summary>A social care or early help team, by team id.</summary>
    public const string Team = "team";

    /// <summary>An organisation (a voluntary organisation's own caseload), by organisation id.</summary>
    public const string Organisation = "organisation";

    /// <summary>A school, by URN.</summary>
    public const string School = "school";

    /// <summary>An early years setting, by URN.</summary>
    public const string Setting = "setting";
}
