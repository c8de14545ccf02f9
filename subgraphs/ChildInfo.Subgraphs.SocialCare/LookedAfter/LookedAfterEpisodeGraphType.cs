using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare.LookedAfter;

public sealed class LookedAfterEpisodeGraphType : ObjectGraphType<LookedAfterEpisode>
{
    public LookedAfterEpisodeGraphType()
    {
        Name = "LookedAfterEpisode";
        Description = "An episode of care as the SSDA903 return records it.";
        Field(e => e.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(e => e.PeriodOfCareId, nullable: true);
        Field(e => e.Decom, nullable: true).Description("DECOM: date the episode commenced.");
        Field(e => e.Rne, nullable: true).Description("RNE: S started, L legal status only, P placement and carer, T placement same carer, B legal status + placement + carer, U legal status + placement same carer.");
        Field(e => e.Ls, nullable: true).Description("LS legal status: C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3.");
        Field(e => e.Cin, nullable: true).Description("CIN category of need N1–N8.");
        Field(e => e.Place, nullable: true).Description("PLACE placement type (2025/26 list: A3–A6, K1–K3, P1, P3, R1–R3, R5, S1, T0–T4, U1–U6, Z11–Z14).");
        Field(e => e.PlaceProvider, nullable: true).Description("PLACE_PROVIDER PR0–PR5 (PR5 voluntary or third sector).");
        Field(e => e.PlacementPostcode, nullable: true).Description("PL_POST.");
        Field(e => e.PlacementUrn, nullable: true).Description("URN of the placement, where Ofsted inspects it.");
        Field(e => e.Dec, nullable: true).Description("DEC: date the episode ceased; null while it continues.");
        Field(e => e.Rec, nullable: true).Description("REC: reason the episode ceased (X1 a further episode follows; E11/E12 adopted; E4A/E4B returned home; E45–E48 SGO; ...).");
        Field(e => e.ReasonPlaceChange, nullable: true).Description("REASON_PLACE_CHANGE.");
        Field(e => e.EnteredCareDate, nullable: true);
    }
}
