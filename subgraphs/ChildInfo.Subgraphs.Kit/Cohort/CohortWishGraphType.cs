using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary><c>CohortWish</c>: a data-use wish by record key; shared and inaccessible like <see cref="CohortMemberGraphType"/>.</summary>
public sealed class CohortWishGraphType : ObjectGraphType<CohortWish>
{
    public CohortWishGraphType()
    {
        Name = "CohortWish";
        Description = "A data-use wish recorded on one of the agency's records: what it covers and whom it keeps the data from.";
        this.Shareable();
        this.Inaccessible();
        Field<NonNullGraphType<IdGraphType>>("localId").Description("The record's key as the child index links it.").Resolve(c => c.Source.LocalId);
        Field<NonNullGraphType<StringGraphType>>("code").Description("NO_RESEARCH_USE, NOT_WITH_EDUCATION...").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("dataCategory").Description("Which data it covers: ALL, VOICE, NOTES, HEALTH, ENGAGEMENTS.").Resolve(c => c.Source.DataCategory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("withheldFromPurposes").Resolve(c => c.Source.WithheldFromPurposes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("withheldFromAgencies").Resolve(c => c.Source.WithheldFromAgencies);
    }
}
