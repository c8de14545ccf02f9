using System.Text.Json;
using ChildInfo.Gateway.Web;

namespace ChildInfo.Web.Tests;

/// <summary>
/// Each agency's section says when its record was joined to the child by matching rather than by an identifier, with
/// the fields that matched and how sure the match is; a reviewed link says a person checked it; a link by NHS number
/// or UPN, or a child's only record, needs no note.
/// </summary>
public sealed class LinkNoteTests
{
    private static JsonElement Child(string links) => JsonDocument.Parse($$"""{ "links": {{links}} }""").RootElement;

    [Fact]
    public void A_record_linked_by_matching_says_which_fields_matched_and_how_sure()
    {
        var child = Child("""
            [{ "sourceSystem": "education", "matchMethod": "UPN", "matchConfidence": 1 },
             { "sourceSystem": "voluntary-sector", "matchMethod": "DEMOGRAPHIC", "matchConfidence": 0.9734,
               "matchEvidence": [{ "field": "nhsNumber", "weight": 0 }, { "field": "forename", "weight": 4.1 }, { "field": "surname", "weight": 6.2 },
                                 { "field": "dateOfBirth", "weight": 8.5 }, { "field": "postcode", "weight": -2.3 }] }]
            """);

        var note = LinkNote.For(child, "voluntary-sector").ToString();

        Assert.Contains("Linked to this child by matching name and date of birth, 97% sure, not by a shared identifier", note, StringComparison.Ordinal);
        Assert.Contains("role=\"note\"", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reviewed_link_says_a_person_checked_it()
    {
        var note = LinkNote.For(Child("""[{ "sourceSystem": "social-care", "matchMethod": "CLERICAL", "matchConfidence": 1 }]"""), "social-care").ToString();

        Assert.Contains("by a person who reviewed the match", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NHS_NUMBER")]
    [InlineData("UPN")]
    [InlineData("SOLE_RECORD")]
    public void A_link_by_an_identifier_or_a_sole_record_needs_no_note(string method)
    {
        var note = LinkNote.For(Child($$"""[{ "sourceSystem": "early-years", "matchMethod": "{{method}}", "matchConfidence": 1 }]"""), "early-years").ToString();

        Assert.Equal("", note);
    }

    [Fact]
    public void Without_the_links_nothing_is_said()
    {
        Assert.Equal("", LinkNote.For(JsonDocument.Parse("{}").RootElement, "education").ToString());
        Assert.Equal("", LinkNote.For(Child("null"), "education").ToString());
    }

    [Fact]
    public void The_child_view_asks_for_each_links_method_confidence_and_evidence()
    {
        Assert.Contains("links { sourceSystem matchMethod matchConfidence matchEvidence { field weight } }", ChildViewQuery.Text, StringComparison.Ordinal);
    }
}
