using System.Globalization;
using ChildInfo.Linkage.Comparison;

namespace ChildInfo.Linkage.Blocking;

/// <summary>
/// Which pairs of records are compared at all: those that share at least one blocking key. Each key tolerates a
/// different mistake, so a pair with one wrong field still meets through another key: the identifiers; the date of
/// birth with day and month in either order and the sound of the surname (catches a wrong or changed forename and
/// swapped dates); the same date and the sound of the forename (catches a changed or misspelt surname); the postcode
/// and birth year (catches both names wrong); the sounds of both names and two of day, month and year (catches a date
/// wrong in one of them and a moved family). Every key joins fields enough that a block holds a handful of records however large the
/// population: a key of one field, or a name's initial, would give blocks that grow with the population and pairs
/// that grow with its square. Only pairs from different sources are made: one agency holds one record per child.
/// </summary>
public static class BlockingKeys
{
    /// <summary>
    /// The rules, each named by the prefix that starts its keys. Changing what a rule's keys hold changes
    /// <see cref="Version"/>: keys saved by a full run are only looked up with keys made the same way.
    /// </summary>
    public static IReadOnlyList<BlockingRule> Rules { get; } =
    [
        new("n", "NHS number"),
        new("u", "UPN"),
        new("ds", "date of birth (day and month either way) and surname sound"),
        new("df", "date of birth (day and month either way) and forename sound"),
        new("py", "postcode and birth year"),
        new("nmd", "surname and forename sounds, birth month and day"),
        new("nym", "surname and forename sounds, birth year and month"),
        new("nyd", "surname and forename sounds, birth year and day"),
    ];

    /// <summary>Names the way keys are made, saved with a full run's keys.</summary>
    public const string Version = "2";

    /// <summary>The record's blocking keys, each starting with its rule's prefix and a colon.</summary>
    public static IEnumerable<string> Of(PreparedRecord record) => RuledKeysOf(record).Select(k => k.Key);

    /// <summary>The record's blocking keys with the index of the rule (in <see cref="Rules"/>) each belongs to.</summary>
    internal static IEnumerable<(int Rule, string Key)> RuledKeysOf(PreparedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.NhsNumber is { } nhs)
        {
            yield return (0, "n:" + nhs);
        }

        if (record.Upn is { } upn)
        {
            yield return (1, "u:" + upn);
        }

        if (record.Record.DateOfBirth is not { } dob)
        {
            yield break;
        }

        var surname = record.Surname is { } s ? Soundex(s) : "";
        var forename = record.Forename is { } f ? Soundex(f) : "";
        var dayMonth = dob.Day <= dob.Month ? $"{dob.Day}.{dob.Month}" : $"{dob.Month}.{dob.Day}";
        var year = dob.Year.ToString(CultureInfo.InvariantCulture);
        if (surname.Length > 0)
        {
            yield return (2, $"ds:{year}.{dayMonth}.{surname}");
        }

        if (forename.Length > 0)
        {
            yield return (3, $"df:{year}.{dayMonth}.{forename}");
        }

        if (record.Postcode is { } postcode)
        {
            yield return (4, $"py:{postcode}.{year}");
        }

        if (surname.Length > 0 && forename.Length > 0)
        {
            yield return (5, $"nmd:{surname}.{forename}.{dob.Month}.{dob.Day}");
            yield return (6, $"nym:{surname}.{forename}.{year}.{dob.Month}");
            yield return (7, $"nyd:{surname}.{forename}.{year}.{dob.Day}");
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
