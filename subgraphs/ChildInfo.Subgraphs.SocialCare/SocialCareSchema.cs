using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare;

public sealed class SocialCareSchema : Schema
{
    public SocialCareSchema(IServiceProvider services, SocialCareQuery query, SocialCareMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
