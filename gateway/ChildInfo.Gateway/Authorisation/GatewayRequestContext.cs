namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Who asks and why, bound to one client request and handed to the engine as the request's context (it travels
/// with every subgraph request). Purpose and justification come from the <c>ChildInfo-Purpose</c> and
/// <c>ChildInfo-Justification</c> headers, or else from the request body's <c>extensions</c>.
/// </summary>
/// <param name="RequestId">The request's id (the ASP.NET Core trace identifier).</param>
/// <param name="Purpose">The declared purpose id, for example <c>child_protection</c>; null when none was given.</param>
/// <param name="Justification">Free text such as a case reference; null when none was given.</param>
public sealed record GatewayRequestContext(string RequestId, string? Purpose, string? Justification);
