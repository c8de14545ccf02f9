namespace ChildInfo.RateLimiting;

/// <summary>Limits how many requests one user may make per window, so one account (or a stolen token) cannot drain the subgraphs.</summary>
public interface IUserRateLimiter
{
    /// <summary>Counts one request by <paramref name="user"/> and says whether it may go ahead.</summary>
    ValueTask<RateLimitDecision> TryAcquireAsync(string user, CancellationToken cancellationToken);
}
