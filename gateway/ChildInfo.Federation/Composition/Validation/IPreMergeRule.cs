using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>A pre-merge rule: checks the parsed subgraphs, alone or against each other, and returns what is wrong.</summary>
internal interface IPreMergeRule
{
    IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs);
}
