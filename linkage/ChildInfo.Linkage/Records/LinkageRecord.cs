namespace ChildInfo.Linkage.Records;

/// <summary>
/// The identifying fields of one agency record of a child, as that agency holds them (with its mistakes). Names and
/// postcodes are compared after <see cref="Normalise"/>; a missing value is null and counts neither for nor against.
/// </summary>
/// <param name="Source">The agency that holds the record (education, early-years, ...).</param>
/// <param name="LocalId">The agency's own identifier of the record.</param>
public sealed record LinkageRecord(
    string Source,
    string LocalId,
    string? Forename,
    string? MiddleName,
    string? Surname,
    char? Sex,
    DateOnly? DateOfBirth,
    string? Postcode,
    string? NhsNumber,
    string? Upn)
{
    /// <summary>The record's key within a run: source and local id.</summary>
    public string Key => Source + ":" + LocalId;

    /// <summary>Upper case letters only (hyphens and spaces kept as one space), or null when nothing is left.</summary>
    public static string? Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if ((c is ' ' or '-' or '\'') && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var text = builder.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A postcode without spaces, upper case; null when it is not shaped like one.</summary>
    public static string? NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = new string([.. postcode.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return compact.Length is >= 5 and <= 7 ? compact : null;
    }
}
