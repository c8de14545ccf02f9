using ChildInfo.GatewaysBench.Catalogue;
using ChildInfo.GatewaysBench.Hosting;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Accounts;

/// <summary>The accounts subgraph's <c>User</c>, which owns the account's fields.</summary>
public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<IDictionary<string, object?>, User>((_, representation) => BenchCatalogue.UserById(Representation.Key(representation, "id")));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        // Shareable: the reviews subgraph provides it on a review's author.
        Field<StringGraphType>("username").Shareable().Resolve(c => c.Source.Username);
        Field<IntGraphType>("birthday").Resolve(c => c.Source.Birthday);
    }
}
