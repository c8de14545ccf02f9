using ChildInfo.SampleData.Population;

namespace ChildInfo.SampleData.Voice;

/// <summary>
/// Short, realistic sentences in a child's own voice, for the voice records every agency keeps. Sentences are put
/// together from fragments (opening, what the child says, a closing remark) so there are thousands of different ones,
/// and they fit the child's age: babies' communication as observed by a key person, simple words for under-fives,
/// plain talk for 5–10s, more reflective words for 11–17s. Respectful and everyday, never lurid.
/// </summary>
public static class VoiceBank
{
    public static IReadOnlyList<string> Topics { get; } = ["school", "home", "safety", "friends", "support", "future", "health", "activities"];

    /// <summary>A sentence in the child's voice about <paramref name="topic"/> (one of <see cref="Topics"/>).</summary>
    public static string Say(Random rng, int age, string topic)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var band = BandOf(age);
        var cores = VoicePhrases.Cores(band, topic);
        var core = cores[rng.Next(cores.Length)];
        var openers = VoicePhrases.Openers[(int)band];
        var tails = VoicePhrases.Tails[(int)band];
        var opener = openers[rng.Next(openers.Length)];
        var tail = tails[rng.Next(tails.Length)];
        if (ContinuesSentence(opener) && !KeepsCapital(core))
        {
            core = char.ToLowerInvariant(core[0]) + core[1..];
        }

        return opener + core + tail;
    }

    /// <summary>How the child's views were gathered, suited to their age.</summary>
    public static string Method(Random rng, int age)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var options = VoicePhrases.Methods[(int)BandOf(age)];
        return options[rng.Next(options.Length)];
    }

    /// <summary>Where an agency's practitioner heard the child (an <see cref="Agency"/> name).</summary>
    public static string Setting(Random rng, string agency)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var options = agency switch
        {
            Agency.Education => VoicePhrases.EducationSettings,
            Agency.EarlyYears => VoicePhrases.EarlyYearsSettings,
            Agency.SocialCare => VoicePhrases.SocialCareSettings,
            Agency.VoluntarySector => VoicePhrases.VoluntarySettings,
            _ => VoicePhrases.OtherSettings,
        };
        return options[rng.Next(options.Length)];
    }

    /// <summary>A practitioner's one-line summary of the child's wishes and feelings.</summary>
    public static string Wish(Random rng, int age)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var options = VoicePhrases.Wishes[(int)BandOf(age)];
        return options[rng.Next(options.Length)];
    }

    /// <summary>An opening such as "Honestly, " runs into the sentence; "Look! " does not.</summary>
    private static bool ContinuesSentence(string opener)
    {
        var trimmed = opener.TrimEnd();
        return trimmed.Length > 0 && (char.IsLetter(trimmed[^1]) || trimmed[^1] == ',');
    }

    /// <summary>"I", names and what children call people keep their capital inside a sentence.</summary>
    private static bool KeepsCapital(string core)
    {
        var end = core.IndexOfAny([' ', '\'', ',', '!', '.']);
        var first = end < 0 ? core : core[..end];
        return first is "I" or "Mrs" or "Mr" or "Miss" or "Nan" or "Nana" or "Mummy" or "Daddy" or "Mum" or "Dad" or "English" or "CAMHS";
    }

    internal static AgeBand BandOf(int age) => age switch
    {
        < 2 => AgeBand.Baby,
        < 5 => AgeBand.Young,
        < 11 => AgeBand.Middle,
        _ => AgeBand.Teen,
    };
}
