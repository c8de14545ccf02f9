namespace ChildInfo.SampleData.Population;

/// <summary>English school years: who is in which national curriculum year, and when terms start.</summary>
public static class SchoolCalendar
{
    /// <summary>The academic year (by its starting calendar year) that <paramref name="date"/> falls in.</summary>
    public static int AcademicYear(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    /// <summary>The calendar year a child born on <paramref name="dateOfBirth"/> starts reception (September after turning four).</summary>
    public static int ReceptionYear(DateOnly dateOfBirth) => (dateOfBirth.Month >= 9 ? dateOfBirth.Year : dateOfBirth.Year - 1) + 5;

    /// <summary>National curriculum year on <paramref name="on"/>: 0 reception, 1–13; negative before school.</summary>
    public static int NcYear(DateOnly dateOfBirth, DateOnly on) => AcademicYear(on) - ReceptionYear(dateOfBirth);

    /// <summary>The first school day of the autumn term: the first weekday on or after 3 September.</summary>
    public static DateOnly FirstDayOfAutumnTerm(int year) => NextWeekday(new DateOnly(year, 9, 3));

    public static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
