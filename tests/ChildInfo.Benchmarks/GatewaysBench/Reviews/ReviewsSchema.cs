using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Reviews;

/// <summary>reviews: <c>Review</c>, and <c>User.reviews</c> and <c>Product.reviews</c> on the other subgraphs' entities; no root field of its own.</summary>
public sealed class ReviewsSchema : Schema
{
    public ReviewsSchema(IServiceProvider services) : base(services)
    {
        Query = new ObjectGraphType { Name = "Query" };
        RegisterType(typeof(ReviewType));
        RegisterType(typeof(ReviewerType));
        RegisterType(typeof(ReviewedProductType));
    }
}
