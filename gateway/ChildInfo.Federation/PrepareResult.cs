namespace ChildInfo.Federation;

/// <summary>Either a prepared operation or the request error that stopped it.</summary>
public sealed record PrepareResult(PreparedOperation? Operation, GatewayResult? Error)
{
    public bool Succeeded => Operation is not null;
}
