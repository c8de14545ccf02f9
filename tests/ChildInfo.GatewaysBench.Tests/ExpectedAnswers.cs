using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChildInfo.GatewaysBench.Catalogue;

namespace ChildInfo.GatewaysBench.Tests;

/// <summary>
/// The answers the benchmark's operations must get, built from the catalogue by following the schema's meaning, not
/// by asking any gateway: the oracle that every gateway's answer is checked against.
/// </summary>
public static class ExpectedAnswers
{
    /// <summary>The deep query's answer (gateways/queries/deep.graphql).</summary>
    public static JsonObject Deep() => new()
    {
        ["data"] = new JsonObject
        {
            ["users"] = List(BenchCatalogue.Users, user => With(UserFields(user), "reviews", List(BenchCatalogue.ReviewsOfAnyUser, review =>
                With(ReviewFields(review), "product", With(ProductFields(review.ProductUpc), "reviews", List(BenchCatalogue.ReviewsOf(review.ProductUpc), AuthoredReview)))))),
            ["topProducts"] = List(BenchCatalogue.Products.Take(5), product =>
                With(ProductFields(product.Upc), "reviews", List(BenchCatalogue.ReviewsOf(product.Upc), AuthoredReview))),
        },
    };

    /// <summary>The one-fetch query's answer (gateways/queries/one-fetch.graphql).</summary>
    public static JsonObject OneFetch() => new()
    {
        ["data"] = new JsonObject
        {
            ["topProducts"] = List(BenchCatalogue.Products.Take(5), p => new JsonObject { ["upc"] = p.Upc, ["name"] = p.Name, ["price"] = p.Price, ["weight"] = p.Weight }),
        },
    };

    /// <summary>The JSON with every object's keys sorted, without spaces: equal for answers that differ only in key order.</summary>
    public static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>SHA-256 of <see cref="Canonical"/>, hex: what gateways/run.sh prints and compares across gateways.</summary>
    public static string Checksum(JsonNode? node) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(node))));

    private static JsonObject AuthoredReview(Review review) =>
        With(ReviewFields(review), "author", With(UserFields(BenchCatalogue.Author), "reviews", List(BenchCatalogue.ReviewsOfAnyUser, r =>
            With(ReviewFields(r), "product", ProductFields(r.ProductUpc)))));

    private static JsonObject UserFields(User user) => new() { ["id"] = user.Id, ["username"] = user.Username, ["name"] = user.Name };

    private static JsonObject ReviewFields(Review review) => new() { ["id"] = review.Id, ["body"] = review.Body };

    private static JsonObject ProductFields(string upc)
    {
        var product = BenchCatalogue.ProductByUpc(upc)!;
        return new()
        {
            ["inStock"] = product.InStock,
            ["name"] = product.Name,
            ["price"] = product.Price,
            // Free shipping above 1000, else half the weight: computed by inventory from the price and weight it requires.
            ["shippingEstimate"] = product.Price > 1000 ? 0 : product.Weight / 2,
            ["upc"] = product.Upc,
            ["weight"] = product.Weight,
        };
    }

    private static JsonObject With(JsonObject node, string name, JsonNode value)
    {
        node[name] = value;
        return node;
    }

    private static JsonArray List<T>(IEnumerable<T> items, Func<T, JsonNode> select) => [.. items.Select(select)];

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject o:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",").Append(JsonValue.Create(key).ToJsonString()).Append(':');
                    Write(value, text);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(a[i], text);
                }

                text.Append(']');
                break;
            default:
                text.Append(node is null ? "null" : node.ToJsonString());
                break;
        }
    }
}
