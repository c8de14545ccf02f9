using System.Text.Json;
using ChildInfo.Gateway.Web.Pages;

namespace ChildInfo.Gateway.Tests.Web;

/// <summary>One request of the access report page, from the report's JSON as the audit API gives it.</summary>
public sealed class AccessReportPageTests
{
    private static string Render(string access)
    {
        using var document = JsonDocument.Parse(access);
        return AuditPages.Access(null, document.RootElement).ToString();
    }

    [Fact]
    public void FieldsSentBetweenServices_AreListedUnderTheRequest_FromWhichServiceToWhich()
    {
        var html = Render("""
            {"time":"2026-12-06T17:00:00Z","user":"tm.adeyemi","role":"team_manager","organisation":"Northshire","purpose":"child_protection",
             "outcome":"ok","disclosed":[{"field":"Pupil.riskBand","label":"sen","source":"risk"}],"withheld":[],"recorded":[],
             "sent":[{"field":"Pupil.fsmEligible","label":"fsm","source":"education","sentTo":"risk"},
                     {"field":"Pupil.ethnicity","label":"special_category","source":"education","sentTo":"risk"}]}
            """);

        Assert.Contains("<strong>Sent to another service to work something out</strong>", html, StringComparison.Ordinal);
        var line = html[html.IndexOf("Sent to another service", StringComparison.Ordinal)..];
        Assert.Contains("<li>From schools and education services to risk: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestThatSentNothing_HasNoSuchList()
    {
        var html = Render("""
            {"time":"2026-12-06T17:00:00Z","user":"W0022","role":"social_worker","organisation":"Northshire","purpose":"child_protection",
             "outcome":"ok","disclosed":[{"field":"Child.surname","label":"identifying","source":"child-index"}],"withheld":[],"recorded":[]}
            """);

        Assert.DoesNotContain("Sent to another service", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Shown</strong>", html, StringComparison.Ordinal);
    }
}
