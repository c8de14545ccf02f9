using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// <c>CohortFact</c>: declared alike by every agency and the child index, hence <c>@shareable</c>; for the gateway's
/// own use, hence <c>@inaccessible</c> (composition keeps it out of the API schema).
/// </summary>
public sealed class CohortFactGraphType : ObjectGraphType<CohortFact>
{
    public CohortFactGraphType()
    {
        Name = "CohortFact";
        Description = "A fact an agency can count children by: a condition, a dimension, a measure or events.";
        this.Shareable();
        this.Inaccessible();
        Field(f => f.Name).Description("snake_case, unique within the agency: cp_plan, persistently_absent, voice_recorded...");
        Field(f => f.Label).Description("The policy label of the data it reads; counting it needs count:<label> in the request context.");
        Field(f => f.Description).Description("Plain English, shown to analysts.");
        Field<NonNullGraphType<CohortFactKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<CohortWindowKindGraphType>>("window").Resolve(c => c.Source.Window);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values")
            .Description("The allowed value filters (a condition) or group values (a dimension); empty when none.")
            .Resolve(c => c.Source.Values);
    }
}
