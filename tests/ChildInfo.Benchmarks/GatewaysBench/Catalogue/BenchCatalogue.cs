namespace ChildInfo.GatewaysBench.Catalogue;

/// <summary>
/// The benchmark's fixed data, shaped like the public gateways benchmark's so that the deep query's answer has its size
/// (six users, nine products of which topProducts returns five, eleven reviews of four products with bodies of
/// 140 to 900 characters). Every review's author is the first user, and every user's reviews are the first two
/// reviews: that is what makes the deep query's answer large from little data.
/// </summary>
public static class BenchCatalogue
{
    private const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.";
    private const string Perspiciatis = "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi";
    private const string Consequuntur = "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.";
    private const string Minima = "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem";
    private const string Accusamus = "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.";

    public static IReadOnlyList<User> Users { get; } =
    [
        new("1", "Ada Lovelace", "ada", 1234567890),
        new("2", "Alan Turing", "alan", 1234567890),
        new("3", "Grace Hopper", "grace", 1234567890),
        new("4", "Edsger Dijkstra", "edsger", 1234567890),
        new("5", "Barbara Liskov", "barbara", 1234567890),
        new("6", "Donald Knuth", "donald", 1234567890),
    ];

    public static IReadOnlyList<Product> Products { get; } =
    [
        new("1", "Table", 899, 100, true),
        new("2", "Couch", 1299, 1000, false),
        new("3", "Glass", 15, 20, false),
        new("4", "Chair", 499, 100, false),
        new("5", "TV", 1299, 1000, true),
        new("6", "Lamp", 6999, 300, true),
        new("7", "Grill", 3999, 2000, true),
        new("8", "Fridge", 100000, 6000, false),
        new("9", "Sofa", 9999, 800, true),
    ];

    public static IReadOnlyList<Review> Reviews { get; } =
    [
        new("1", Lorem, "1"),
        new("2", Perspiciatis, "1"),
        new("3", Consequuntur, "1"),
        new("4", Minima, "1"),
        new("5", Lorem, "2"),
        new("6", Perspiciatis, "2"),
        new("7", Consequuntur, "2"),
        new("8", Minima, "2"),
        new("9", Minima, "3"),
        new("10", Minima, "4"),
        new("11", Accusamus, "4"),
    ];

    /// <summary>The author of every review.</summary>
    public static User Author => Users[0];

    /// <summary>What the reviews subgraph says any user wrote.</summary>
    public static IReadOnlyList<Review> ReviewsOfAnyUser { get; } = [Reviews[0], Reviews[1]];

    public static User? UserById(string id) => Users.FirstOrDefault(u => u.Id == id);

    public static Product? ProductByUpc(string upc) => Products.FirstOrDefault(p => p.Upc == upc);

    public static IReadOnlyList<Review> ReviewsOf(string upc) => [.. Reviews.Where(r => r.ProductUpc == upc)];
}
