namespace ChildInfo.Gateway.Http;

/// <summary>The product's request headers (DESIGN.md section 11).</summary>
public static class RequestHeaders
{
    public const string Purpose = "ChildInfo-Purpose";
    public const string Justification = "ChildInfo-Justification";

    /// <summary>Which of the token's roles the request acts in (needed only when the token holds several).</summary>
    public const string Role = "ChildInfo-Role";

    /// <summary><c>true</c> asks for break-glass where the rule allows it (a justification is then mandatory).</summary>
    public const string BreakGlass = "ChildInfo-Break-Glass";

    /// <summary><c>true</c> refuses the whole operation instead of withholding fields.</summary>
    public const string Strict = "ChildInfo-Strict";

    /// <summary><c>true</c> asks for the query plan in the response's <c>extensions.queryPlan</c>.</summary>
    public const string DebugPlan = "ChildInfo-Debug-Plan";
}
