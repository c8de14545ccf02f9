using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.EarlyHelp;

public sealed class EarlyHelpEpisodeGraphType : ObjectGraphType<EarlyHelpEpisode>
{
    public EarlyHelpEpisodeGraphType()
    {
        Name = "EarlyHelpEpisode";
        Description = "An early help episode.";
        Field(e => e.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(e => e.StartDate, nullable: true);
        Field(e => e.EndDate, nullable: true);
        Field(e => e.Reason, nullable: true);
        Field(e => e.EndReason, nullable: true).Description("Outcomes met, step-up to social care, NFA...");
        Field(e => e.Organisation, nullable: true);
        Field(e => e.WorkerId, nullable: true);
    }
}
