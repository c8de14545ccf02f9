using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.Referrals;

public sealed class CinEpisodeGraphType : ObjectGraphType<CinEpisode>
{
    public CinEpisodeGraphType()
    {
        Name = "CinEpisode";
        Description = "A referral to children's social care and the child-in-need episode it opened (CIN census).";
        Field(e => e.ReferralId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(e => e.CinReferralDate, nullable: true).Description("CINreferralDate.");
        Field(e => e.ReferralSource, nullable: true).Description("ReferralSource: 1A–1D individual, 2A schools, 2B education services, 3A–3F health, 4 housing, 5A–5D LA services, 6 police, 7 other legal agency, 8 other (incl. voluntary organisations), 9 anonymous, 10 unknown.");
        Field(e => e.ReferralSourceDescription, nullable: true);
        Field(e => e.PrimaryNeedCode, nullable: true).Description("PrimaryNeedCode: N0–N9.");
        Field(e => e.CinClosureDate, nullable: true).Description("CINclosureDate; null while the episode is open.");
        Field(e => e.ReasonForClosure, nullable: true).Description("ReasonForClosure: RC1–RC9.");
        Field(e => e.ReferralNfa, nullable: true).Description("ReferralNFA: no further action after the referral.");
        Field(e => e.TeamId, nullable: true);
        Field(e => e.WorkerId, nullable: true);
    }
}
