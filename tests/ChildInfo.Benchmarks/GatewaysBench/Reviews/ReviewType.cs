using ChildInfo.GatewaysBench.Catalogue;
using ChildInfo.GatewaysBench.Hosting;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Reviews;

/// <summary><c>Review @key(id)</c>: body, the product reviewed, and the author, whose username this subgraph provides.</summary>
public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        this.Key("id");
        this.ResolveReference<IDictionary<string, object?>, Review>((_, representation) =>
        {
            var id = Representation.Key(representation, "id");
            return BenchCatalogue.Reviews.FirstOrDefault(r => r.Id == id);
        });
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("body").Resolve(c => c.Source.Body);
        Field<ReviewerType>("author").Provides("username").Resolve(_ => new Reviewer(BenchCatalogue.Author.Id, BenchCatalogue.Author.Username));
        Field<ReviewedProductType>("product").Resolve(c => new ReviewedProduct(c.Source.ProductUpc));
    }
}
