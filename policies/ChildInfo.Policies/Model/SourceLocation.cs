namespace ChildInfo.Policies.Model;

/// <summary>Where something was written in the policy files: file name, 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);

    public override string ToString() => $"{File}({Line},{Column})";
}
