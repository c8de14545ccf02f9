using ChildInfo.GatewaysBench.Catalogue;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Accounts;

public sealed class AccountsQuery : ObjectGraphType
{
    public AccountsQuery()
    {
        Name = "Query";
        Field<UserType>("me").Resolve(_ => BenchCatalogue.Users[0]);
        Field<UserType>("user").Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => BenchCatalogue.UserById(c.GetArgument<string>("id")));
        Field<ListGraphType<UserType>>("users").Resolve(_ => BenchCatalogue.Users);
    }
}
