namespace ChildInfo.SampleData.Writers;

/// <summary>Small date helpers for writers: every date stays between a child's birth and the reference date.</summary>
internal static class SynthDates
{
    public static DateOnly Clamp(DateOnly date, DateOnly min, DateOnly max) =>
        date < min ? min : date > max ? max : date;

    /// <summary>A day between <paramref name="from"/> and <paramref name="to"/> inclusive (from when the range is empty).</summary>
    public static DateOnly Between(Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }
}
