using System.Text.Json;
using System.Text.RegularExpressions;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Hosting;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// What every agency's cohort fields owe the gateway, whatever the facts: federation-only in the SDL; served only
/// under counting labels (a row-level context gets <c>COHORT_NOT_ALLOWED</c> and no data); every fact runs on the
/// agency's real data and gives one row per record, with a group from the fact's values for a dimension and a
/// measure for a measure or events fact; bad facts, values and windows get their codes. Each agency's test project
/// runs it through a one-line subclass naming its fixture.
/// </summary>
public abstract partial class CohortContractTests<TDefinition>(CohortFixture<TDefinition> fixture)
    where TDefinition : SubgraphDefinition
{
    private CohortCatalogue Catalogue => fixture.Definition.CohortFacts;

    [Fact]
    public async Task Sdl_CohortFieldsAndTypes_AreInaccessibleAndShareable()
    {
        var body = await fixture.Host.QueryAsync("{ _service { sdl } }");
        var sdl = body.GetProperty("data").GetProperty("_service").GetProperty("sdl").GetString()!;

        Assert.Matches(@"_cohortFacts: \[CohortFact!\]! @shareable @inaccessible", sdl);
        Assert.Matches(@"_cohortMembers\(fact: String!, value: String, from: Date, to: Date\): \[CohortMember!\]! @shareable @inaccessible", sdl);
        Assert.Contains("type CohortFact @shareable @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("type CohortMember @shareable @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Matches(@"_cohortWishes: \[CohortWish!\]! @shareable @inaccessible", sdl);
        Assert.Contains("type CohortWish @shareable @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("enum CohortFactKind @inaccessible", sdl, StringComparison.Ordinal);
        Assert.Contains("enum CohortWindowKind @inaccessible", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_CountingEveryLabel_ListsEveryFactWithItsValues()
    {
        var response = await fixture.PostAsync(fixture.CountingEverything(), "{ _cohortFacts { name label description kind window values } }");

        var facts = response.GetProperty("data").GetProperty("_cohortFacts").EnumerateArray().ToList();
        Assert.Equal(Catalogue.Facts.Select(f => f.Name), facts.Select(f => f.GetProperty("name").GetString()));
        Assert.Contains(facts, f => f.GetProperty("name").GetString() == CommonCohortFacts.VoiceRecordedName && f.GetProperty("label").GetString() == "voice");
        foreach (var (definition, fact) in Catalogue.Facts.Zip(facts))
        {
            Assert.Equal(ConstantCase(definition.Kind.ToString()), fact.GetProperty("kind").GetString());
            Assert.Equal(ConstantCase(definition.Window.ToString()), fact.GetProperty("window").GetString());
            if (definition.Kind == CohortFactKind.Dimension)
            {
                Assert.NotEmpty(fact.GetProperty("values").EnumerateArray());
            }
        }
    }

    [Fact]
    public async Task Facts_CountingOneLabel_ListsOnlyThatLabelsFacts()
    {
        var response = await fixture.PostAsync(fixture.Counting("voice"), "{ _cohortFacts { name label } }");

        Assert.All(response.GetProperty("data").GetProperty("_cohortFacts").EnumerateArray(), f => Assert.Equal("voice", f.GetProperty("label").GetString()));
        Assert.Equal(Catalogue.Facts.Count(f => f.Label == "voice"), response.GetProperty("data").GetProperty("_cohortFacts").GetArrayLength());
    }

    [Fact]
    public async Task Members_EveryFact_OneRowPerKnownRecordWithWhatItsKindGives()
    {
        var keys = (await fixture.QueryAsync<string>(fixture.RecordKeysSql)).ToHashSet(StringComparer.Ordinal);
        var nonEmpty = 0;
        foreach (var fact in Catalogue.Facts)
        {
            var (from, to) = fixture.WindowFor(fact);
            var rows = await fixture.RowsAsync(fact.Name, from: from, to: to);

            nonEmpty += rows.Count > 0 ? 1 : 0;
            Assert.Equal(rows.Count, rows.Select(r => r.LocalId).Distinct(StringComparer.Ordinal).Count());
            Assert.All(rows, r => Assert.Contains(r.LocalId, keys));
            switch (fact.Kind)
            {
                case CohortFactKind.Condition:
                    Assert.All(rows, r => Assert.True(r.Group is null && r.Measure is null, fact.Name));
                    break;
                case CohortFactKind.Dimension:
                    var values = await ValuesAsync(fact.Name);
                    Assert.All(rows, r => Assert.True(r.Group is not null && values.Contains(r.Group), $"{fact.Name}: {r.Group}"));
                    break;
                default:
                    Assert.All(rows, r => Assert.True(r.Group is null && r.Measure is not null, fact.Name));
                    break;
            }
        }

        Assert.True(nonEmpty * 2 >= Catalogue.Facts.Count, $"only {nonEmpty} of {Catalogue.Facts.Count} facts found anyone in the sample data");
    }

    [Fact]
    public async Task Members_ValueFilter_IsTheSubsetWithThatValue()
    {
        foreach (var fact in Catalogue.Facts.Where(f => f.Kind == CohortFactKind.Condition))
        {
            var values = await ValuesAsync(fact.Name);
            if (values.Count == 0)
            {
                continue;
            }

            var (from, to) = fixture.WindowFor(fact);
            var all = (await fixture.RowsAsync(fact.Name, from: from, to: to)).Select(r => r.LocalId).ToHashSet(StringComparer.Ordinal);
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var some = await fixture.RowsAsync(fact.Name, value, from, to);
                Assert.All(some, r => Assert.Contains(r.LocalId, all));
                union.UnionWith(some.Select(r => r.LocalId));
            }

            Assert.True(all.SetEquals(union), $"{fact.Name}: the values' records together are the fact's records");
        }
    }

    [Fact]
    public async Task Wishes_CountingPreference_EveryRecordedWishByTheKeyTheIndexLinks()
    {
        Assert.NotNull(Catalogue.WishesSql);
        var keys = (await fixture.QueryAsync<string>(fixture.RecordKeysSql)).ToHashSet(StringComparer.Ordinal);
        var stored = await fixture.QueryAsync<string>($"SELECT w.local_id FROM ({Catalogue.WishesSql}) w");

        var response = await fixture.PostAsync(fixture.Counting(CohortFields.WishesLabel),
            "{ _cohortWishes { localId code dataCategory withheldFromPurposes withheldFromAgencies } }");

        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        var wishes = response.GetProperty("data").GetProperty("_cohortWishes").EnumerateArray().ToList();
        Assert.Equal(stored.Order(StringComparer.Ordinal), wishes.Select(w => w.GetProperty("localId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(wishes, w => Assert.Contains(w.GetProperty("localId").GetString()!, keys));
        Assert.All(wishes, w => Assert.False(string.IsNullOrEmpty(w.GetProperty("code").GetString())));
        Assert.All(wishes, w => Assert.False(string.IsNullOrEmpty(w.GetProperty("dataCategory").GetString())));
    }

    [Fact]
    public async Task Wishes_CountingEveryFactLabelButNotPreference_OrRowLevel_NotAllowedAndNoData()
    {
        const string Query = "{ _cohortWishes { localId code } }";

        AssertRefused(await fixture.PostAsync(fixture.CountingEverything(), Query), CohortErrors.NotAllowedCode);
        AssertRefused(await fixture.PostAsync(fixture.RowLevel(), Query), CohortErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Members_RowLevelContext_NotAllowedAndNoData()
    {
        var fact = Catalogue.Facts[0];
        var (from, to) = fixture.WindowFor(fact);

        var response = await fixture.MembersAsync(fixture.RowLevel(), fact.Name, from: from, to: to);

        AssertRefused(response, CohortErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Facts_RowLevelContext_NotAllowedAndNoData()
    {
        AssertRefused(await fixture.PostAsync(fixture.RowLevel(), "{ _cohortFacts { name } }"), CohortErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Members_CountingAnotherLabelOnly_NotAllowed()
    {
        var fact = Catalogue.Facts.First(f => f.Label != "voice");
        var (from, to) = fixture.WindowFor(fact);

        AssertRefused(await fixture.MembersAsync(fixture.Counting("voice"), fact.Name, from: from, to: to), CohortErrors.NotAllowedCode);
    }

    [Fact]
    public async Task Members_WithoutContext_Unauthenticated()
    {
        var response = await fixture.Host.QueryAsync("{ _cohortMembers(fact: \"voice_recorded\", from: \"2025-01-01\", to: \"2025-12-31\") { localId } }");

        Assert.Equal("UNAUTHENTICATED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(response.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Members_UnknownFact_UnknownFactCode()
    {
        AssertRefused(await fixture.MembersAsync(fixture.CountingEverything(), "no_such_fact", to: fixture.ReferenceDate), CohortErrors.UnknownFactCode);
    }

    [Fact]
    public async Task Members_UnknownValueOrValueOnAFactWithoutValues_BadValue()
    {
        foreach (var fact in Catalogue.Facts)
        {
            var (from, to) = fixture.WindowFor(fact);
            AssertRefused(await fixture.MembersAsync(fixture.CountingEverything(), fact.Name, "NOT-A-VALUE'; DROP TABLE x; --", from, to), CohortErrors.BadValueCode);
        }
    }

    [Fact]
    public async Task Members_WindowThatDoesNotFitTheFact_BadWindow()
    {
        var day = fixture.ReferenceDate;
        foreach (var fact in Catalogue.Facts)
        {
            (DateOnly? From, DateOnly? To)[] bad = fact.Window switch
            {
                CohortWindowKind.AsAt => [(null, null), (day.AddDays(-1), day)],
                CohortWindowKind.During => [(null, day), (day, null), (day, day.AddDays(-1)), (day.AddYears(-10).AddDays(-1), day)],
                _ => [(null, day), (day, day)],
            };
            foreach (var (from, to) in bad)
            {
                AssertRefused(await fixture.MembersAsync(fixture.CountingEverything(), fact.Name, from: from, to: to), CohortErrors.BadWindowCode);
            }
        }
    }

    [Fact]
    public async Task Members_TenYearPeriod_Allowed()
    {
        var fact = Catalogue.Facts.First(f => f.Window == CohortWindowKind.During);

        var rows = await fixture.RowsAsync(fact.Name, from: fixture.ReferenceDate.AddYears(-10), to: fixture.ReferenceDate);

        Assert.NotNull(rows);
    }

    [Fact]
    public async Task Members_MalformedDate_GraphQLErrorNot500()
    {
        var response = await fixture.PostAsync(fixture.CountingEverything(), "{ _cohortMembers(fact: \"voice_recorded\", from: \"01/02/2025\", to: \"2025-12-31\") { localId } }");

        Assert.True(response.TryGetProperty("errors", out var errors));
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null);
    }

    /// <summary>A fact's values as <c>_cohortFacts</c> lists them.</summary>
    protected async Task<HashSet<string>> ValuesAsync(string fact)
    {
        var response = await fixture.PostAsync(fixture.CountingEverything(), "{ _cohortFacts { name values } }");
        return response.GetProperty("data").GetProperty("_cohortFacts").EnumerateArray().Single(f => f.GetProperty("name").GetString() == fact)
            .GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Asserts one error with <paramref name="code"/> and no data.</summary>
    protected static void AssertRefused(JsonElement response, string code) => AssertRefusedWith(response, code);

    /// <summary>Asserts one error with <paramref name="code"/> and no data (for the child index's cohort tests too).</summary>
    public static void AssertRefusedWith(JsonElement response, string code)
    {
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(!response.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null, response.ToString());
    }

    private static string ConstantCase(string pascal) => UpperBoundary().Replace(pascal, "$1_$2").ToUpperInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex UpperBoundary();
}
