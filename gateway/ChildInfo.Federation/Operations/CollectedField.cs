using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>One field node of the document, collected for the type it is read on.</summary>
public readonly record struct CollectedField(GraphQLField Node, string ParentType)
{
    public string Name => Node.Name.StringValue;

    public string ResponseKey => (Node.Alias?.Name ?? Node.Name).StringValue;
}
