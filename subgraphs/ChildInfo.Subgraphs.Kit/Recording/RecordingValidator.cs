using System.Collections.Frozen;

namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// Checks what a caller asks to record before anything touches the database: required text present, every text
/// within its limit and free of control characters (line breaks aside), codes from the known lists. Text is trimmed;
/// the first problem is thrown as an <see cref="RecordingErrors.InvalidCode"/> error naming the field.
/// </summary>
public static class RecordingValidator
{
    public static readonly FrozenSet<string> PreferenceCodes = FrozenSet.Create(StringComparer.Ordinal,
        "NO_RESEARCH_USE", "NOT_WITH_EDUCATION", "NOT_WITH_SOCIAL_CARE", "NOT_WITH_VOLUNTARY_SECTOR", "NOT_WITH_EARLY_YEARS");

    public static readonly FrozenSet<string> DataCategories = FrozenSet.Create(StringComparer.Ordinal, "ALL", "VOICE", "NOTES", "HEALTH", "ENGAGEMENTS");

    public static readonly FrozenSet<string> ExpressedBy = FrozenSet.Create(StringComparer.Ordinal, "CHILD", "PARENT", "CARER");

    /// <summary>The voice entry, trimmed, or an error for the first problem.</summary>
    public static ChildVoiceInput Check(ChildVoiceInput input) => Check(input, AgencyRecordingLimits.Default);

    /// <summary>The voice entry, trimmed, or an error for the first problem, within the agency's <paramref name="limits"/>.</summary>
    public static ChildVoiceInput Check(ChildVoiceInput input, AgencyRecordingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        return new ChildVoiceInput
        {
            Words = Required(input.Words, "words", limits.Words),
            WishesAndFeelings = Optional(input.WishesAndFeelings, "wishesAndFeelings", limits.Words),
            Setting = Required(input.Setting, "setting", limits.Setting),
            Method = Optional(input.Method, "method", limits.Method),
        };
    }

    /// <summary>The wish, trimmed and with its lists de-duplicated, or an error for the first problem.</summary>
    public static DataUseWishInput Check(DataUseWishInput input) => Check(input, AgencyRecordingLimits.Default);

    /// <summary>The wish, trimmed and with its lists de-duplicated, or an error for the first problem, within the agency's <paramref name="limits"/>.</summary>
    public static DataUseWishInput Check(DataUseWishInput input, AgencyRecordingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        return new DataUseWishInput
        {
            Code = OneOf(input.Code, "code", PreferenceCodes),
            DataCategory = OneOf(input.DataCategory, "dataCategory", DataCategories),
            WithheldFromPurposes = Ids(input.WithheldFromPurposes, "withheldFromPurposes", limits.IdList),
            WithheldFromAgencies = Ids(input.WithheldFromAgencies, "withheldFromAgencies", limits.IdList),
            ExpressedBy = OneOf(input.ExpressedBy, "expressedBy", ExpressedBy),
            Statement = Required(input.Statement, "statement", limits.Statement),
        };
    }

    private static string Required(string? text, string field, int limit) =>
        Optional(text, field, limit) ?? throw RecordingErrors.Invalid(field, $"'{field}' must not be empty.");

    private static string? Optional(string? text, string field, int limit)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > limit)
        {
            throw RecordingErrors.Invalid(field, $"'{field}' is {trimmed.Length} characters long; at most {limit} are recorded.");
        }

        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw RecordingErrors.Invalid(field, $"'{field}' contains control characters, which cannot be recorded.");
        }

        return trimmed;
    }

    private static string OneOf(string? value, string field, FrozenSet<string> allowed)
    {
        var trimmed = value?.Trim() ?? "";
        return allowed.Contains(trimmed) ? trimmed
            : throw RecordingErrors.Invalid(field, $"'{field}' must be one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
    }

    private static string[] Ids(IReadOnlyList<string>? ids, string field, int joinedLimit)
    {
        if (ids is null)
        {
            return [];
        }

        if (ids.Count > RecordingLimits.ListItems)
        {
            throw RecordingErrors.Invalid(field, $"'{field}' names {ids.Count} entries; at most {RecordingLimits.ListItems} are recorded.");
        }

        var cleaned = ids.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in cleaned)
        {
            if (id.Length > RecordingLimits.Id || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            {
                throw RecordingErrors.Invalid(field, $"Each entry of '{field}' is an id of at most {RecordingLimits.Id} lower-case letters, digits, '_' or '-'.");
            }
        }

        if (cleaned.Sum(i => i.Length + 1) - 1 > joinedLimit)
        {
            throw RecordingErrors.Invalid(field, $"'{field}' names more than this agency's record holds ({joinedLimit} characters in all).");
        }

        return cleaned;
    }
}
