using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Referrals;

public sealed class CinAssessmentGraphType : ObjectGraphType<CinAssessment>
{
    public CinAssessmentGraphType()
    {
        Name = "CinAssessment";
        Description = "A child and family assessment and the factors identified at its end (CIN census).";
        Field(a => a.AssessmentId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.ReferralId, nullable: true);
        Field(a => a.AssessmentActualStartDate, nullable: true);
        Field(a => a.AssessmentAuthorisationDate, nullable: true);
        Field(a => a.ChildSeen, nullable: true);
        Field(a => a.NoFurtherAction, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("factorsIdentifiedAtAssessment")
            .Description("AssessmentFactors codes 1A–24A (e.g. 3A domestic abuse concerning the child, 7A young carer, 21 no factors).")
            .Resolve(c => c.Source.Factors);
        Field(a => a.TeamId, nullable: true);
        Field(a => a.WorkerId, nullable: true);
    }
}
