using ChildInfo.GatewaysBench.Catalogue;
using ChildInfo.GatewaysBench.Hosting;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.GatewaysBench.Reviews;

/// <summary>The reviews subgraph's <c>Product</c>: the reviews of a product.</summary>
public sealed class ReviewedProductType : ObjectGraphType<ReviewedProduct>
{
    public ReviewedProductType()
    {
        Name = "Product";
        this.Key("upc");
        this.ResolveReference<IDictionary<string, object?>, ReviewedProduct>((_, representation) => new ReviewedProduct(Representation.Key(representation, "upc")));
        Field<NonNullGraphType<StringGraphType>>("upc").Resolve(c => c.Source.Upc);
        Field<ListGraphType<ReviewType>>("reviews").Resolve(c => BenchCatalogue.ReviewsOf(c.Source.Upc));
    }
}
