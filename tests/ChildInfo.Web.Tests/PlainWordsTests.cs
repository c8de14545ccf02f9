using ChildInfo.Gateway.Web;

namespace ChildInfo.Web.Tests;

public sealed class PlainWordsTests
{
    [Theory]
    [InlineData("LABEL_DENIED")]
    [InlineData("LABEL_NOT_VISIBLE")]
    [InlineData("LINK_NOT_ALLOWED")]
    [InlineData("OUTSIDE_SCOPE")]
    [InlineData("PREFERENCE_WITHHELD")]
    [InlineData("PREFERENCES_UNAVAILABLE")]
    [InlineData("AGGREGATE_ONLY")]
    [InlineData("FIELD_UNCLASSIFIED")]
    [InlineData("SUBREQUEST_TIMEOUT")]
    [InlineData("SOMETHING_NEW")]
    public void Every_reason_for_withholding_is_a_sentence_without_codes(string code)
    {
        var sentence = PlainWords.WhyWithheld(null, code, "protection", "own_caseload", "social-care", "child_protection");
        Assert.DoesNotContain("_", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(code, sentence, StringComparison.Ordinal);
        Assert.True(char.IsUpper(sentence[0]), sentence);
        Assert.EndsWith(".", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("..", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withheld_wish_names_the_service_it_was_recorded_with()
    {
        Assert.Equal("The child or their family asked voluntary and community organisations for this not to be shared, and the rules for child in need respect that wish.",
            PlainWords.WhyWithheld(null, "PREFERENCE_WITHHELD", "engagement", null, "voluntary-sector", "child_in_need"));
    }

    [Fact]
    public void Text_put_into_a_page_is_encoded()
    {
        var hostile = "<script>alert('x')</script>\" onmouseover=\"x";
        var html = Html.Of($"<p title=\"{hostile}\">{hostile}</p>").Value;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.Ordinal);
        Assert.StartsWith("<p title=\"&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
