using System.Globalization;
using ChildInfo.SampleData.Population;

namespace ChildInfo.SampleData.Writers;

/// <summary>
/// A school term for attendance and early years funding: AUT (September to December), SPR (January to Easter),
/// SUM (after Easter to July), with typical possible sessions (morning and afternoon halves).
/// </summary>
public sealed record SchoolTerm(string AcademicYear, string Code, DateOnly Start, DateOnly End, int Sessions)
{
    /// <summary>The <paramref name="count"/> most recent terms that ended before <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<SchoolTerm> Collected(DateOnly today, int count)
    {
        var terms = new List<SchoolTerm>(count);
        var year = SchoolCalendar.AcademicYear(today);
        while (terms.Count < count)
        {
            foreach (var term in InYear(year).Reverse())
            {
                if (term.End < today && terms.Count < count)
                {
                    terms.Add(term);
                }
            }
            year--;
        }
        terms.Reverse();
        return terms;
    }

    /// <summary>The three terms of the academic year starting in September of <paramref name="year"/>.</summary>
    public static IReadOnlyList<SchoolTerm> InYear(int year)
    {
        var label = year.ToString(CultureInfo.InvariantCulture) + "/" + ((year + 1) % 100).ToString("00", CultureInfo.InvariantCulture);
        return
        [
            new(label, "AUT", SchoolCalendar.FirstDayOfAutumnTerm(year), new DateOnly(year, 12, 19), 142),
            new(label, "SPR", SchoolCalendar.NextWeekday(new DateOnly(year + 1, 1, 6)), new DateOnly(year + 1, 3, 31), 118),
            new(label, "SUM", SchoolCalendar.NextWeekday(new DateOnly(year + 1, 4, 22)), new DateOnly(year + 1, 7, 21), 120),
        ];
    }
}
