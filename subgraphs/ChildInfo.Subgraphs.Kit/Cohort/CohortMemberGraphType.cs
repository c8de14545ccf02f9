using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary><c>CohortMember</c>: one record's key, with its group or measure; shared and inaccessible like <see cref="CohortFactGraphType"/>.</summary>
public sealed class CohortMemberGraphType : ObjectGraphType<CohortMember>
{
    public CohortMemberGraphType()
    {
        Name = "CohortMember";
        Description = "An agency record that satisfies a fact: its key only, with a group or measure when the fact gives one.";
        this.Shareable();
        this.Inaccessible();
        Field<NonNullGraphType<IdGraphType>>("localId").Description("The record's key as the child index links it.").Resolve(c => c.Source.LocalId);
        Field<StringGraphType>("group").Description("The record's group value (a dimension).").Resolve(c => c.Source.Group);
        Field<FloatGraphType>("measure").Description("The record's value (a measure) or number of events in the window.").Resolve(c => c.Source.Measure);
    }
}
