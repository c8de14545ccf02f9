using ChildInfo.Analytics.Sources;
using GraphQL.Types;

namespace ChildInfo.Gateway.Analytics.Schema;

/// <summary>What may be asked: each agency's facts and the child index's dimensions, as the agencies describe them today.</summary>
public sealed record CatalogueView(IReadOnlyList<AgencyView> Agencies, IReadOnlyList<FactView> IndexDimensions, IReadOnlyList<string> Unavailable);

public sealed record AgencyView(string Agency, IReadOnlyList<FactView> Facts);

/// <summary>A fact with whether the caller's rule may count by it.</summary>
public sealed record FactView(CohortFact Fact, bool Countable);

public sealed class CohortCatalogueType : ObjectGraphType<CatalogueView>
{
    public CohortCatalogueType()
    {
        Name = "CohortCatalogue";
        Description = "What an aggregate question may be about, as the agencies and the child index describe it now.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortAgencyType>>>>("agencies").Resolve(c => c.Source.Agencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortFactInfoType>>>>("indexDimensions")
            .Description("The child index's dimensions, taken as at the question's date.").Resolve(c => c.Source.IndexDimensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("unavailable")
            .Description("Agencies that offer facts but did not answer just now; a question about them is refused until they do.").Resolve(c => c.Source.Unavailable);
    }
}

public sealed class CohortAgencyType : ObjectGraphType<AgencyView>
{
    public CohortAgencyType()
    {
        Name = "CohortAgency";
        Field<NonNullGraphType<StringGraphType>>("agency").Resolve(c => c.Source.Agency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortFactInfoType>>>>("facts").Resolve(c => c.Source.Facts);
    }
}

public sealed class CohortFactInfoType : ObjectGraphType<FactView>
{
    public CohortFactInfoType()
    {
        Name = "CohortFactInfo";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Fact.Name);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Fact.Description);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The policy label of the data it reads.").Resolve(c => c.Source.Fact.Label);
        Field<NonNullGraphType<CohortFactKindType>>("kind").Resolve(c => c.Source.Fact.Kind);
        Field<NonNullGraphType<CohortWindowKindType>>("window").Resolve(c => c.Source.Fact.Window);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values")
            .Description("A condition's values (to narrow it) or a dimension's groups, in the agency's order.").Resolve(c => c.Source.Fact.Values);
        Field<NonNullGraphType<BooleanGraphType>>("countable").Description("Whether your role and purpose may count by it.").Resolve(c => c.Source.Countable);
    }
}

public sealed class CohortFactKindType : EnumerationGraphType<CohortFactKind>
{
    public CohortFactKindType()
    {
        Name = "CohortFactKind";
        Description = "CONDITION: defines who is in a cohort. DIMENSION: groups children. MEASURE: a number per child for a mean or median. EVENTS: a number of events per child.";
    }
}

public sealed class CohortWindowKindType : EnumerationGraphType<CohortWindowKind>
{
    public CohortWindowKindType()
    {
        Name = "CohortWindowKind";
        Description = "AS_AT: give asAt. DURING: give from and to. NONE: give no dates.";
    }
}
