using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Types;

/// <summary>Shared value type: identical in every subgraph, hence <c>@shareable</c>.</summary>
public sealed class DataUsePreferenceGraphType : ObjectGraphType<DataUsePreference>
{
    public DataUsePreferenceGraphType()
    {
        Name = "DataUsePreference";
        Description = "A wish of the child or family about how this agency's information about them is used.";
        this.Shareable();
        Field(p => p.Code).Description("Stable code: NO_RESEARCH_USE, NOT_WITH_EDUCATION, NOT_WITH_SOCIAL_CARE, NOT_WITH_VOLUNTARY_SECTOR, NOT_WITH_EARLY_YEARS.");
        Field(p => p.DataCategory).Description("Which data it covers: ALL, VOICE, NOTES, HEALTH, ENGAGEMENTS.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("withheldFromPurposes")
            .Description("Purposes the data must not be used for.")
            .Resolve(c => Split(c.Source.WithheldFromPurposes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("withheldFromAgencies")
            .Description("Agencies the data must not be shared with.")
            .Resolve(c => Split(c.Source.WithheldFromAgencies));
        Field(p => p.ExpressedBy).Description("CHILD, PARENT or CARER.");
        Field(p => p.Statement).Description("The wish in the words it was given.");
        Field<NonNullGraphType<DateScalar>>("recordedOn").Resolve(c => c.Source.RecordedOn);
        Field(p => p.RecordedBy);
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
