using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.GatewaysBench.Accounts;

/// <summary>accounts: users (<c>User @key(id)</c> with name and username), and the root fields me, user and users.</summary>
public sealed class AccountsSchema : Schema
{
    public AccountsSchema(IServiceProvider services) : base(services)
    {
        Query = services.GetRequiredService<AccountsQuery>();
    }
}
