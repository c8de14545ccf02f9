using ChildInfo.GatewaysBench.Catalogue;
using ChildInfo.GatewaysBench.Hosting;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Reviews;

/// <summary>The reviews subgraph's <c>User</c>: the reviews a user wrote; username is external (provided on authors only).</summary>
public sealed class ReviewerType : ObjectGraphType<Reviewer>
{
    public ReviewerType()
    {
        Name = "User";
        this.Key("id");
        this.ResolveReference<IDictionary<string, object?>, Reviewer>((_, representation) => new Reviewer(Representation.Key(representation, "id"), null));
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("username").External().Resolve(c => c.Source.Username);
        Field<ListGraphType<ReviewType>>("reviews").Resolve(_ => BenchCatalogue.ReviewsOfAnyUser);
    }
}
