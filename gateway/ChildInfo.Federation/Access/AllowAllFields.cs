namespace ChildInfo.Federation.Access;

/// <summary>Allows every field: the behaviour of the overloads that take no policy.</summary>
public sealed class AllowAllFields : IFieldAccessPolicy
{
    public static AllowAllFields Instance { get; } = new();

    public FieldAccess Decide(string typeName, string fieldName) => new($"{typeName}.{fieldName}", true, "ALLOWED", "No field policy applies.", null, null);
}
