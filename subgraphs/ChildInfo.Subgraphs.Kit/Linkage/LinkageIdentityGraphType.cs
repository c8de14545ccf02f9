using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>
/// <c>LinkageIdentity</c>: declared alike by every agency, hence <c>@shareable</c>; for the linkage job alone, hence
/// <c>@inaccessible</c> (composition keeps it out of the API schema).
/// </summary>
public sealed class LinkageIdentityGraphType : ObjectGraphType<LinkageIdentity>
{
    public LinkageIdentityGraphType()
    {
        Name = "LinkageIdentity";
        Description = "The identifying fields of one agency record, as the agency holds them, for building the child index.";
        this.Shareable();
        this.Inaccessible();
        Field<NonNullGraphType<IdGraphType>>("localId").Description("The record's key as the child index links it.").Resolve(c => c.Source.LocalId);
        Field<StringGraphType>("forename").Resolve(c => c.Source.Forename);
        Field<StringGraphType>("middleName").Resolve(c => c.Source.MiddleName);
        Field<StringGraphType>("surname").Resolve(c => c.Source.Surname);
        Field<StringGraphType>("sex").Description("M, F or another code the agency uses; null when not held.").Resolve(c => c.Source.Sex);
        Field<DateScalar>("dateOfBirth").Resolve(c => c.Source.DateOfBirth);
        Field<StringGraphType>("postcode").Description("The current postcode the agency holds.").Resolve(c => c.Source.Postcode);
        Field<StringGraphType>("nhsNumber").Resolve(c => c.Source.NhsNumber);
        Field<StringGraphType>("upn").Description("The unique pupil number the agency holds.").Resolve(c => c.Source.Upn);
    }
}
