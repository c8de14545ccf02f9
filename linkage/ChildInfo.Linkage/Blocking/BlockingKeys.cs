using System.Globalization;
using ChildInfo.Linkage.Comparison;

namespace ChildInfo.Linkage.Blocking;

/// <summary>
/// Which pairs of records are compared at all: those that share at least one blocking key. Each key tolerates a
/// different mistake, so a pair with one wrong field still meets through another key: the identifiers; the date of
/// birth with day and month in either order and the initial of either name (catches typos, changed surnames and
/// swapped dates); the postcode and birth year (catches a wrong date); the surname's sound and forename initial and
/// birth year (catches a date wrong in day or month). Only pairs from different sources are made: one agency holds
/// one record per child.
/// </summary>
public static class BlockingKeys
{
    public static IEnumerable<string> Of(PreparedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.NhsNumber is { } nhs)
        {
            yield return "n:" + nhs;
        }

        if (record.Upn is { } upn)
        {
            yield return "u:" + upn;
        }

        if (record.Record.DateOfBirth is { } dob)
        {
            var dayMonth = dob.Day <= dob.Month ? $"{dob.Day}.{dob.Month}" : $"{dob.Month}.{dob.Day}";
            var year = dob.Year.ToString(CultureInfo.InvariantCulture);
            if (record.Surname is { } surname)
            {
                yield return $"ds:{year}.{dayMonth}.{surname[0]}";
            }

            if (record.Forename is { } forename)
            {
                yield return $"df:{year}.{dayMonth}.{forename[0]}";
            }

            if (record.Postcode is { } postcode)
            {
                yield return $"py:{postcode}.{year}";
            }

            if (record.Surname is { } s && record.Forename is { } f)
            {
                yield return $"sy:{Soundex(s)}.{f[0]}.{year}";
            }
        }
    }

    /// <summary>American Soundex of the first word of <paramref name="name"/> (letters A–Z only).</summary>
    public static string Soundex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> code = ['0', '0', '0', '0'];
        var length = 0;
        var previous = '\0';
        foreach (var c in name)
        {
            if (c == ' ')
            {
                break;
            }

            if (c is < 'A' or > 'Z')
            {
                continue;
            }

            var digit = c switch
            {
                'B' or 'F' or 'P' or 'V' => '1',
                'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
                'D' or 'T' => '3',
                'L' => '4',
                'M' or 'N' => '5',
                'R' => '6',
                _ => '\0',
            };
            if (length == 0)
            {
                code[length++] = c;
            }
            else if (digit != '\0' && digit != previous && length < 4)
            {
                code[length++] = digit;
            }

            if (c is not ('H' or 'W'))
            {
                previous = digit;
            }
        }

        return length == 0 ? "" : new string(code);
    }
}
