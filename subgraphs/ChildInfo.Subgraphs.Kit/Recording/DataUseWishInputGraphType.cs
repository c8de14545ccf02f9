using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Recording;

public sealed class DataUseWishInputGraphType : InputObjectGraphType<DataUseWishInput>
{
    public DataUseWishInputGraphType()
    {
        Name = "DataUseWishInput";
        Description = "A wish of the child or family about how this agency's information about them is used.";
        Field(w => w.Code).Description("NO_RESEARCH_USE, NOT_WITH_EDUCATION, NOT_WITH_SOCIAL_CARE, NOT_WITH_VOLUNTARY_SECTOR or NOT_WITH_EARLY_YEARS.");
        Field(w => w.DataCategory).Description("Which of this agency's data it covers: ALL, VOICE, NOTES, HEALTH or ENGAGEMENTS.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("withheldFromPurposes").Description("Purposes the data must not be used for (purpose ids).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("withheldFromAgencies").Description("Agencies the data must not go to (agency ids).");
        Field(w => w.ExpressedBy).Description("Who expressed the wish: CHILD, PARENT or CARER.");
        Field(w => w.Statement).Description($"The wish in the words it was given (at most {RecordingLimits.Words} characters).");
    }
}
