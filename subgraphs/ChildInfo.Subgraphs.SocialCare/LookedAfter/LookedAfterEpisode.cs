namespace ChildInfo.Subgraphs.SocialCare.LookedAfter;

/// <summary>
/// An SSDA903 episode of care: <c>ssd_cla_episodes</c> with the legal status in force when it began
/// (<c>ssd_legal_status</c>) and its placement (<c>ssd_cla_placement</c>).
/// </summary>
public sealed record LookedAfterEpisode
{
    public required string EpisodeId { get; init; }
    public required string PersonId { get; init; }
    public string? PeriodOfCareId { get; init; }

    /// <summary>DECOM: date the episode commenced.</summary>
    public DateOnly? Decom { get; init; }

    /// <summary>RNE: reason for new episode (S L P T B U).</summary>
    public string? Rne { get; init; }

    /// <summary>LS: legal status (C1 C2 D1 E1 V2 V3 V4 L1–L3 J1–J3).</summary>
    public string? Ls { get; init; }

    /// <summary>CIN: category of need (N1–N8).</summary>
    public string? Cin { get; init; }

    /// <summary>PLACE: placement type.</summary>
    public string? Place { get; init; }

    /// <summary>PLACE_PROVIDER: PR0–PR5.</summary>
    public string? PlaceProvider { get; init; }
    public string? PlacementPostcode { get; init; }
    public string? PlacementUrn { get; init; }

    /// <summary>DEC: date the episode ceased.</summary>
    public DateOnly? Dec { get; init; }

    /// <summary>REC: reason the episode ceased.</summary>
    public string? Rec { get; init; }
    public string? ReasonPlaceChange { get; init; }
    public DateOnly? EnteredCareDate { get; init; }
}
