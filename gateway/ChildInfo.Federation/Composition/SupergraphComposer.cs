using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Composition.Parsing;
using ChildInfo.Federation.Composition.Printing;
using ChildInfo.Federation.Composition.Satisfiability;
using ChildInfo.Federation.Composition.Validation;

namespace ChildInfo.Federation.Composition;

/// <summary>
/// Composes subgraph SDLs into an Apollo Federation 2 supergraph SDL, as a pipeline of steps that each return
/// errors rather than throw: parse → pre-merge validation → merge → post-merge validation → satisfiability → print,
/// with the warnings about what composes but should change.
/// The result loads with <see cref="Supergraph.SupergraphLoader"/>.
/// </summary>
public static class SupergraphComposer
{
    public static CompositionResult Compose(IReadOnlyList<SubgraphSdl> subgraphs)
    {
        ArgumentNullException.ThrowIfNull(subgraphs);
        var errors = new List<CompositionError>();
        var parsed = new List<ParsedSubgraph>();
        foreach (var subgraph in subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var result = SubgraphParser.Parse(subgraph, errors);
            if (result is not null)
            {
                parsed.Add(result);
            }
        }

        if (errors.Count > 0)
        {
            return CompositionResult.Failed(errors);
        }

        errors.AddRange(PreMergeValidation.Validate(parsed));
        if (errors.Count > 0)
        {
            return CompositionResult.Failed(errors);
        }

        var merged = SupergraphMerger.Merge(parsed);
        errors.AddRange(PostMergeValidation.Validate(merged));
        if (errors.Count > 0)
        {
            return CompositionResult.Failed(errors);
        }

        errors.AddRange(SatisfiabilityValidator.Validate(merged));
        return errors.Count > 0
            ? CompositionResult.Failed(errors)
            : new CompositionResult(SupergraphPrinter.Print(merged), []) { Warnings = [.. CrossSubgraphNullabilityRule.Validate(merged)] };
    }
}
