using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;

namespace ChildInfo.Analytics.Validation;

/// <summary>
/// A window must be what its fact takes (an as-at date, two dates, or none) and whole months: as-at on the 1st, during
/// from a 1st to a month's last day, at most <see cref="CohortLimits.MaxWindowMonths"/> months. Whole months stop a
/// window from being slid a day at a time to single out one child's event.
/// </summary>
internal static class WindowRules
{
    public static IEnumerable<(string Code, string Message)> Check(CohortWindowKind kind, CohortWindow? window)
    {
        var (from, to) = window is null ? (null, null) : (window.From, window.To);
        switch (kind)
        {
            case CohortWindowKind.None:
                if (from is not null || to is not null)
                {
                    yield return (CohortErrorCodes.ExtraWindow, "This fact takes no dates.");
                }
                break;
            case CohortWindowKind.AsAt:
                if (from is not null)
                {
                    yield return (CohortErrorCodes.ExtraWindow, "This fact takes an as-at date only, not a from date.");
                    break;
                }

                if (to is not { } asAt)
                {
                    yield return (CohortErrorCodes.MissingWindow, "This fact needs an as-at date.");
                }
                else if (asAt.Day != 1)
                {
                    yield return (CohortErrorCodes.UnalignedWindow, "An as-at date must be the 1st of a month.");
                }
                break;
            case CohortWindowKind.During:
                if (from is not { } start || to is not { } end)
                {
                    yield return (CohortErrorCodes.MissingWindow, "This fact needs a from and a to date.");
                    break;
                }

                if (start > end)
                {
                    yield return (CohortErrorCodes.InvertedWindow, "The from date is after the to date.");
                    break;
                }

                if (start.Day != 1 || (end != DateOnly.MaxValue && end.AddDays(1).Day != 1))
                {
                    yield return (CohortErrorCodes.UnalignedWindow, "A window must run from the 1st of a month to the last day of a month.");
                }

                // Months touched, counted on the calendar (no date arithmetic that could overflow at the ends of DateOnly).
                if ((((end.Year - start.Year) * 12) + end.Month - start.Month + 1) > CohortLimits.MaxWindowMonths)
                {
                    yield return (CohortErrorCodes.WindowTooLong, $"A window may be at most {CohortLimits.MaxWindowMonths / 12} years long.");
                }
                break;
            default:
                yield return (CohortErrorCodes.Malformed, "The fact's window kind is not known.");
                break;
        }
    }
}
