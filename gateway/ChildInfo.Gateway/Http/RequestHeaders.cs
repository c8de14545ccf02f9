namespace ChildInfo.Gateway.Http;

/// <summary>The product's request headers (DESIGN.md section 11).</summary>
public static class RequestHeaders
{
    public const string Purpose = "ChildInfo-Purpose";
    public const string Justification = "ChildInfo-Justification";

    /// <summary><c>true</c> asks for the query plan in the response's <c>extensions.queryPlan</c>.</summary>
    public const string DebugPlan = "ChildInfo-Debug-Plan";
}
