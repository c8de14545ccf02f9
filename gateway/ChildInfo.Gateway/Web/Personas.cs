using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Web;

/// <summary>A demo person to sign in as (Development only), with the relationships their token names.</summary>
public sealed record Persona(string Id, string Name, string Title, string Summary, DevelopmentTokenRequest Token);

/// <summary>The README's demo people: each one's token names the relationships that decide their record scope.</summary>
public static class Personas
{
    public static IReadOnlyList<Persona> All { get; } =
    [
        new("social-worker", "Daniel Scott", "Social worker, Safeguarding and Family Support South",
            "Allocated social worker for Katie Stevens. May break glass in an emergency.",
            new DevelopmentTokenRequest("social_worker", "W0022") { Organisation = "Northshire Children's Services" }),
        new("school-dsl", "Priya Patel", "Designated safeguarding lead, Northam Grange School",
            "Sees pupils on the school's roll, for attendance and education welfare.",
            new DevelopmentTokenRequest("school_dsl", "dsl.patel") { Organisation = "Northam Grange School", School = "137017" }),
        new("early-help", "Sam Reid", "Early help practitioner, Northshire Early Help",
            "Has no children on their caseload in the demo data: shows what is refused and why.",
            new DevelopmentTokenRequest("early_help_worker", "eh.reid") { Organisation = "Northshire Early Help" }),
        new("team-manager", "Grace Adeyemi", "Team manager, multi-agency safeguarding hub (MASH)",
            "Screens contacts about any child in the area under child protection.",
            new DevelopmentTokenRequest("team_manager", "tm.adeyemi") { Organisation = "Northshire Children's Services" }),
        new("analyst", "Omar Khan", "Performance and intelligence analyst, Northshire County Council",
            "Works with counts only: no individual child's record is shown.",
            new DevelopmentTokenRequest("la_analyst", "an.khan") { Organisation = "Northshire County Council" }),
        new("data-protection-officer", "Helen Morgan", "Data protection officer, Northshire County Council",
            "Reads who has looked at a child's information and reviews emergency access and overridden wishes.",
            new DevelopmentTokenRequest("data_protection_officer", "dpo.morgan") { Organisation = "Northshire County Council" }),
    ];

    public static Persona? Find(string? id) => All.FirstOrDefault(p => p.Id == id);
}
