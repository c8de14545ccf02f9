using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Voice;

namespace ChildInfo.SampleData.Tests.Voice;

public class VoiceBankTests
{
    [Fact]
    public void Say_CombinesIntoThousandsOfDistinctSentences()
    {
        var rng = new Random(1);
        var sentences = new HashSet<string>();
        for (var i = 0; i < 60_000; i++)
        {
            sentences.Add(VoiceBank.Say(rng, i % 18, VoiceBank.Topics[i % VoiceBank.Topics.Count]));
        }

        Assert.True(sentences.Count > 5_000, $"only {sentences.Count} distinct sentences");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(15)]
    public void Say_EveryTopic_GivesAShortSentence(int age)
    {
        var rng = new Random(age);
        foreach (var topic in VoiceBank.Topics)
        {
            for (var i = 0; i < 50; i++)
            {
                var sentence = VoiceBank.Say(rng, age, topic);
                Assert.InRange(sentence.Length, 5, 200);
                Assert.False(char.IsLower(sentence[0]), sentence);
                Assert.DoesNotContain("  ", sentence, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Say_IsAgeAppropriate()
    {
        var rng = new Random(7);
        var young = Enumerable.Range(0, 400).Select(i => VoiceBank.Say(rng, 3, VoiceBank.Topics[i % 8])).ToArray();
        var teen = Enumerable.Range(0, 400).Select(i => VoiceBank.Say(rng, 15, VoiceBank.Topics[i % 8])).ToArray();
        var babies = Enumerable.Range(0, 100).Select(i => VoiceBank.Say(rng, 0, VoiceBank.Topics[i % 8])).ToArray();

        static double Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        static string Spoken(string s) => s.Split(" (", 2)[0];
        Assert.True(young.Average(s => Words(Spoken(s))) < 7, "under-fives speak in short phrases");
        Assert.True(teen.Average(Words) > young.Average(s => Words(Spoken(s))) + 2);
        Assert.Empty(teen.Intersect(young));
        Assert.DoesNotContain(teen, s => s.Contains("Mummy", StringComparison.Ordinal));
        Assert.DoesNotContain(young, s => s.Contains("GCSE", StringComparison.Ordinal) || s.Contains("anxiety", StringComparison.Ordinal));
        // Babies do not talk: their records describe what the key person observed.
        Assert.DoesNotContain(babies, s => s.StartsWith("I ", StringComparison.Ordinal));
    }

    [Fact]
    public void Say_KeepsCapitalsOnIAndNames_AfterAnOpening()
    {
        var rng = new Random(11);
        var sentences = Enumerable.Range(0, 20_000).Select(i => VoiceBank.Say(rng, 5 + i % 13, VoiceBank.Topics[i % 8])).ToArray();
        Assert.DoesNotContain(sentences, s => s.Contains(" mrs ", StringComparison.Ordinal) || s.Contains(", mrs", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains(" i ", StringComparison.Ordinal) || s.Contains(" i'", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("Honestly, ", StringComparison.Ordinal) && char.IsLower(s["Honestly, ".Length]));
    }

    [Fact]
    public void Say_IsDeterministicForTheSameRandomSource()
    {
        Assert.Equal(VoiceBank.Say(new Random(5), 9, "school"), VoiceBank.Say(new Random(5), 9, "school"));
    }

    [Fact]
    public void Say_UnknownTopic_StillSpeaks()
    {
        Assert.False(string.IsNullOrWhiteSpace(VoiceBank.Say(new Random(1), 10, "weather")));
    }

    [Fact]
    public void MethodSettingAndWish_FitAgeAndAgency()
    {
        var rng = new Random(3);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Contains(VoiceBank.Method(rng, 0), new[] { "Observation", "Observation by key person", "Parent's account of the baby's cues" }));
        Assert.DoesNotContain(Enumerable.Range(0, 100).Select(_ => VoiceBank.Method(rng, 2)), m => m.Contains("Text message", StringComparison.Ordinal));
        foreach (var agency in new[] { Agency.Education, Agency.EarlyYears, Agency.SocialCare, Agency.VoluntarySector })
        {
            Assert.False(string.IsNullOrWhiteSpace(VoiceBank.Setting(rng, agency)));
        }

        Assert.All(Enumerable.Range(0, 30), _ => Assert.StartsWith("School", VoiceBank.Setting(rng, Agency.Education), StringComparison.Ordinal));
        Assert.All(Enumerable.Range(0, 18), age => Assert.False(string.IsNullOrWhiteSpace(VoiceBank.Wish(rng, age))));
    }
}
