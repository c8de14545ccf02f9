using ChildInfo.Federation.Operations;

namespace ChildInfo.Federation;

/// <summary>Either a prepared operation or the request error that stopped it.</summary>
/// <param name="Document">
/// The request's parsed operation whenever its text parsed and named an operation, even when a later step (limits,
/// validation, planning) refused it: what the host reads instead of parsing the text again.
/// </param>
public sealed record PrepareResult(PreparedOperation? Operation, GatewayResult? Error, OperationDocument? Document = null)
{
    public bool Succeeded => Operation is not null;
}
