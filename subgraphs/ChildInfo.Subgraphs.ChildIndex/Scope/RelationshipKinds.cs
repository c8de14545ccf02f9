namespace ChildInfo.Subgraphs.ChildIndex.Scope;

/// <summary>The kinds of legitimate relationship the index registers (<c>ci_relationship.kind</c>).</summary>
public static class RelationshipKinds
{
    /// <summary>A case allocated to a practitioner, a team or a voluntary organisation.</summary>
    public const string Caseload = "caseload";

    /// <summary>A pupil on a school's roll now.</summary>
    public const string SchoolRoll = "school_roll";

    /// <summary>A child attending an early years setting now.</summary>
    public const string Setting = "setting";
}
