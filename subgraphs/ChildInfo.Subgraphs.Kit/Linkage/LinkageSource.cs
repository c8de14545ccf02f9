namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>
/// Where an agency's identities for linkage come from: a SELECT giving one row per record with the columns
/// <c>local_id, forename, middle_name, surname, sex, dob, postcode, nhs_number, upn</c> (NULL for a field the agency
/// does not hold). The Kit wraps it as a derived table to page it in local id order on every provider.
/// </summary>
/// <param name="Sql">The agency's SELECT.</param>
public sealed record LinkageSource(string Sql)
{
    /// <summary>An agency that serves nothing for linkage.</summary>
    public static LinkageSource None { get; } = new("");

    /// <summary>True when the agency serves records.</summary>
    public bool Offered => Sql.Length > 0;
}
