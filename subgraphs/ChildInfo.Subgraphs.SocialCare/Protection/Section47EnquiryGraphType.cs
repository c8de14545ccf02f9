using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Protection;

public sealed class Section47EnquiryGraphType : ObjectGraphType<Section47Enquiry>
{
    public Section47EnquiryGraphType()
    {
        Name = "Section47Enquiry";
        Description = "A section 47 enquiry into significant harm, with its initial child protection conference if one was held.";
        Field(s => s.EnquiryId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.ReferralId, nullable: true);
        Field(s => s.S47ActualStartDate, nullable: true).Description("S47ActualStartDate: the strategy discussion that started the enquiry.");
        Field(s => s.S47EndDate, nullable: true);
        Field(s => s.NoFurtherAction, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("outcomes")
            .Description("Outcome flags set: NFA, LEGAL_ACTION, PROV_OF_SERVICES, PROV_OF_SB_CARE, CP_CONFERENCE, NFA_CONTINUE_SINGLE, MONITOR, OTHER_OUTCOMES_EXIST.")
            .Resolve(c => c.Source.Outcomes);
        Field(s => s.InitialCpcTarget, nullable: true).Description("InitialCPCtarget: 15 working days after the strategy discussion.");
        Field(s => s.DateOfInitialCpc, nullable: true).Description("DateOfInitialCPC.");
        Field<NonNullGraphType<BooleanGraphType>>("icpcNotRequired")
            .Description("ICPCnotRequired: the enquiry ended without an initial conference.")
            .Resolve(c => c.Source.S47EndDate is not null && c.Source.DateOfInitialCpc is null && !c.Source.Outcomes.Contains("CP_CONFERENCE"));
        Field(s => s.IcpcResultedInPlan, nullable: true).Description("Whether the conference made a child protection plan; null when none was held.");
        Field(s => s.TeamId, nullable: true);
        Field(s => s.WorkerId, nullable: true);
    }
}
