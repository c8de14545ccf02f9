namespace ChildInfo.Registry;

/// <summary>
/// One difference between two API schemas. <see cref="Code"/> is stable (see <see cref="SchemaChangeCodes"/>);
/// <see cref="Coordinate"/> is a schema coordinate such as <c>Pupil.attendance</c> or <c>Query.pupil(id:)</c>;
/// <see cref="Message"/> is written for a system owner.
/// </summary>
public sealed record SchemaChange(SchemaChangeSeverity Severity, string Code, string Coordinate, string Message)
{
    /// <summary>'+' for something added, '-' for something removed, '~' for something changed.</summary>
    public char Marker =>
        Code.EndsWith("_ADDED", StringComparison.Ordinal) ? '+'
        : Code.EndsWith("_REMOVED", StringComparison.Ordinal) ? '-'
        : '~';

    /// <summary>One line: marker, severity and message.</summary>
    public override string ToString() => $"{Marker} {Severity.ToString().ToUpperInvariant(),-9} {Message}";
}
