using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Comparison;

/// <summary>
/// How one identifying field of two records compares, in levels from full agreement (0) to disagreement (the last).
/// A field missing on either side has no level (<see cref="Missing"/>) and weighs nothing either way.
/// </summary>
public abstract class FieldComparison
{
    public const byte Missing = byte.MaxValue;

    /// <summary>The field's name, as the evidence of a link names it.</summary>
    public abstract string Field { get; }

    /// <summary>What each level means, in plain words, strongest agreement first.</summary>
    public abstract IReadOnlyList<string> Levels { get; }

    /// <summary>The level of <paramref name="a"/> against <paramref name="b"/>, or <see cref="Missing"/>.</summary>
    public abstract byte Compare(PreparedRecord a, PreparedRecord b);

    /// <summary>The value whose rarity adjusts an exact agreement (term frequency); null when the field has none.</summary>
    public virtual string? TermOf(PreparedRecord record) => null;

    /// <summary>The comparisons a run uses, in a fixed order.</summary>
    public static IReadOnlyList<FieldComparison> Standard { get; } =
    [
        new NhsNumberComparison(), new UpnComparison(), new ForenameComparison(), new SurnameComparison(),
        new DateOfBirthComparison(), new SexComparison(), new PostcodeComparison(),
    ];
}

/// <summary>A record with its fields normalised once, for comparing many times.</summary>
public sealed class PreparedRecord(LinkageRecord record, int index)
{
    public LinkageRecord Record { get; } = record;

    public int Index { get; } = index;

    /// <summary>The record's key (<c>source:localId</c>), made once.</summary>
    public string Key { get; } = record.Key;

    public string? Forename { get; } = LinkageRecord.Normalise(record.Forename);

    public string? MiddleName { get; } = LinkageRecord.Normalise(record.MiddleName);

    public string? Surname { get; } = LinkageRecord.Normalise(record.Surname);

    public string? Postcode { get; } = LinkageRecord.NormalisePostcode(record.Postcode);

    public string? NhsNumber { get; } = string.IsNullOrWhiteSpace(record.NhsNumber) ? null : new string([.. record.NhsNumber.Where(char.IsDigit)]);

    public string? Upn { get; } = string.IsNullOrWhiteSpace(record.Upn) ? null : record.Upn.Trim().ToUpperInvariant();
}

internal sealed class NhsNumberComparison : FieldComparison
{
    public override string Field => "nhsNumber";

    public override IReadOnlyList<string> Levels { get; } = ["the same", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b) =>
        a.NhsNumber is null || b.NhsNumber is null ? Missing : a.NhsNumber == b.NhsNumber ? (byte)0 : (byte)1;
}

internal sealed class UpnComparison : FieldComparison
{
    public override string Field => "upn";

    public override IReadOnlyList<string> Levels { get; } = ["the same", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b) =>
        a.Upn is null || b.Upn is null ? Missing : a.Upn == b.Upn ? (byte)0 : (byte)1;
}

internal sealed class ForenameComparison : FieldComparison
{
    public override string Field => "forename";

    public override IReadOnlyList<string> Levels { get; } =
        ["the same", "nearly the same (a typing slip)", "one is the other's middle name", "the same first letter", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b)
    {
        if (a.Forename is not { } x || b.Forename is not { } y)
        {
            return Missing;
        }

        if (x == y)
        {
            return 0;
        }

        if (JaroWinkler.Similarity(x, y) >= 0.92)
        {
            return 1;
        }

        if (x == b.MiddleName || y == a.MiddleName)
        {
            return 2;
        }

        return x[0] == y[0] ? (byte)3 : (byte)4;
    }

    public override string? TermOf(PreparedRecord record) => record.Forename;
}

internal sealed class SurnameComparison : FieldComparison
{
    public override string Field => "surname";

    public override IReadOnlyList<string> Levels { get; } =
        ["the same", "nearly the same (a typing slip)", "one part of a double surname the same", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b)
    {
        if (a.Surname is not { } x || b.Surname is not { } y)
        {
            return Missing;
        }

        if (x == y)
        {
            return 0;
        }

        if (JaroWinkler.Similarity(x, y) >= 0.92)
        {
            return 1;
        }

        return SharesPart(x, y) ? (byte)2 : (byte)3;
    }

    public override string? TermOf(PreparedRecord record) => record.Surname;

    private static bool SharesPart(string x, string y)
    {
        if (!x.Contains(' ', StringComparison.Ordinal) && !y.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var parts = y.Split(' ');
        return x.Split(' ').Any(p => p.Length > 1 && parts.Contains(p));
    }
}

internal sealed class DateOfBirthComparison : FieldComparison
{
    public override string Field => "dateOfBirth";

    public override IReadOnlyList<string> Levels { get; } =
        ["the same", "day and month swapped", "two of day, month and year the same", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b)
    {
        if (a.Record.DateOfBirth is not { } x || b.Record.DateOfBirth is not { } y)
        {
            return Missing;
        }

        if (x == y)
        {
            return 0;
        }

        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return 1;
        }

        var agreeing = (x.Year == y.Year ? 1 : 0) + (x.Month == y.Month ? 1 : 0) + (x.Day == y.Day ? 1 : 0);
        return agreeing == 2 ? (byte)2 : (byte)3;
    }
}

internal sealed class SexComparison : FieldComparison
{
    public override string Field => "sex";

    public override IReadOnlyList<string> Levels { get; } = ["the same", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b) =>
        a.Record.Sex is not { } x || b.Record.Sex is not { } y || x is 'U' or 'u' || y is 'U' or 'u'
            ? Missing
            : char.ToUpperInvariant(x) == char.ToUpperInvariant(y) ? (byte)0 : (byte)1;
}

internal sealed class PostcodeComparison : FieldComparison
{
    public override string Field => "postcode";

    public override IReadOnlyList<string> Levels { get; } =
        ["the same", "the same sector (a few streets)", "the same district", "different"];

    public override byte Compare(PreparedRecord a, PreparedRecord b)
    {
        if (a.Postcode is not { } x || b.Postcode is not { } y)
        {
            return Missing;
        }

        if (x == y)
        {
            return 0;
        }

        // Compact postcodes: the inward code is the last three characters; the sector is the outward code and its digit.
        if (x.Length == y.Length && x.AsSpan(0, x.Length - 2).SequenceEqual(y.AsSpan(0, y.Length - 2)))
        {
            return 1;
        }

        return x.AsSpan(0, x.Length - 3).SequenceEqual(y.AsSpan(0, y.Length - 3)) ? (byte)2 : (byte)3;
    }

    public override string? TermOf(PreparedRecord record) => record.Postcode;
}
