namespace ChildInfo.Subgraphs.SocialCare.People;

/// <summary>A disability recorded for the CIN census (NONE MOB HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA).</summary>
public sealed record Disability(string PersonId, string Code);
