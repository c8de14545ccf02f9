using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Loading;

internal readonly record struct Located(string Value, SourceLocation Location);
