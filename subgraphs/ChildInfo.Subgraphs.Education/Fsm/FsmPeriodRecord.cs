namespace ChildInfo.Subgraphs.Education.Fsm;

/// <summary>A row of PUPIL_FSM: a period of free school meal eligibility.</summary>
public sealed class FsmPeriodRecord
{
    public required string Upn { get; init; }
    public DateTime FsmStartDate { get; init; }
    public DateTime? FsmEndDate { get; init; }
}
