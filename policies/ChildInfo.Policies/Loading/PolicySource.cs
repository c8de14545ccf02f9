namespace ChildInfo.Policies.Loading;

/// <summary>The text of one policy file and the name errors will use for it.</summary>
public sealed record PolicySource(string Name, string Text);
