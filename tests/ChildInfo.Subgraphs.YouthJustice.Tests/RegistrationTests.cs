using System.Text.RegularExpressions;
using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>
/// What the gateway checks when a system owner registers youth justice on the running demo: the six subgraphs
/// compose, and the submitted classification document, loaded with the sample policy set, classifies every field
/// the subgraph adds to the supergraph.
/// </summary>
public sealed partial class RegistrationTests(SubgraphSdlsFixture sdls) : IClassFixture<SubgraphSdlsFixture>
{
    private const string RegistrationFile = "youth-justice.yaml";

    /// <summary>Until the sample vocabulary has it, the label is supplied the way an extra policy document would.</summary>
    private const string CriminalOffenceLabel = """
        labels:
          criminal_offence: Offences, legal outcomes and AssetPlus ratings - UK GDPR Article 10 criminal offence data.
        """;

    [Fact]
    public void Compose_FiveSampleSubgraphsAndYouthJustice_NoErrorsNorWarnings()
    {
        var result = SupergraphComposer.Compose([.. sdls.Samples, sdls.YouthJustice]);

        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Warnings.Select(w => w.ToString())); // youthJustice is nullable: an outage costs only the cases
        var supergraph = SupergraphLoader.Load(result.Supergraph!);
        const string graph = "youth-justice";
        Assert.NotNull(supergraph.FindSubgraph(graph));
        Assert.NotNull(supergraph.GetType("Child").Fields["youthJustice"].JoinFor(graph));
        Assert.True(supergraph.GetType("Child").Joins[graph].IsEntity);
        Assert.True(supergraph.GetType("YouthJusticeCase").Joins[graph].IsEntity);
        Assert.NotNull(supergraph.GetType("Query").Fields["youthJusticeCase"].JoinFor(graph));
    }

    [Fact]
    public void Registration_WithSamplePolicies_EveryFieldYouthJusticeAddsIsClassified()
    {
        var supergraph = Compose();
        var added = FieldsOf(supergraph, "youth-justice");

        var result = PolicyLoader.Load(Sources(), FieldCoordinates(supergraph));

        var unclassified = result.Errors.Where(e => e.Code == PolicyErrorCodes.UnclassifiedField && added.Any(f => e.Message.Contains($"'{f}'", StringComparison.Ordinal)));
        Assert.Empty(unclassified.Select(e => e.ToString()));
        Assert.Empty(result.Errors.Where(e => e.Location.File == RegistrationFile).Select(e => e.ToString()));
    }

    [Fact]
    public void Registration_WithSamplePolicies_LoadsAsOneValidSetWithTheAgencyAndItsLink()
    {
        var result = PolicyLoader.Load(Sources(), FieldCoordinates(Compose()));

        Assert.True(result.Succeeded, result.Describe());
        var set = result.PolicySet!;
        Assert.Contains("youth-justice", set.Agencies);
        Assert.Equal("youth-justice", set.Links["Child.youthJustice"]);
        Assert.Equal(["linkage", "criminal_offence"], set.Classifications["Child.youthJustice"]);
        Assert.Equal(["criminal_offence"], set.Classifications["YouthJusticeCase.offenceCategory"]);
        Assert.Equal(["voice"], set.Classifications["ChildVoice.words"]);
    }

    [Fact]
    public void Registration_WithSamplePolicies_TheLinkageOfficerMayReadYouthJusticeIdentitiesForLinkage()
    {
        var result = PolicyLoader.Load(Sources(), FieldCoordinates(Compose()));

        Assert.True(result.Succeeded, result.Describe());
        var scope = ChildInfo.Policies.Decisions.PolicyEngine.Compile(result.PolicySet!).Scope("linkage_officer", "record_linkage")!;
        Assert.True(scope.DecideIdentify("youth-justice").Allowed);
        Assert.Contains("identify:youth-justice", scope.IdentifyingLabels);
        Assert.False(ChildInfo.Policies.Decisions.PolicyEngine.Compile(result.PolicySet!).Scope("social_worker", "child_protection")?.DecideIdentify("youth-justice").Allowed ?? false);
    }

    [Fact]
    public void Registration_ClassifiesExactlyTheFieldsNotAlreadyClassifiedBySharedOrChildIndexFiles()
    {
        var added = FieldsOf(Compose(), "youth-justice");
        var alreadyClassified = added.Where(f => f == "Child.id" || f.StartsWith("ChildVoice.", StringComparison.Ordinal) || f.StartsWith("DataUsePreference.", StringComparison.Ordinal));

        var classified = ClassifiedFields(File.ReadAllText(Path.Combine(RepositoryRoot(), "policies", "registrations", RegistrationFile)));

        Assert.Equal(added.Except(alreadyClassified).Order(StringComparer.Ordinal), classified.Order(StringComparer.Ordinal));
    }

    private SupergraphSchema Compose()
    {
        var result = SupergraphComposer.Compose([.. sdls.Samples, sdls.YouthJustice]);
        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        return SupergraphLoader.Load(result.Supergraph!);
    }

    /// <summary>The sample policy set, then the registration document, then the label if the vocabulary lacks it.</summary>
    private static List<PolicySource> Sources()
    {
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "policies", "sample"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => new PolicySource(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        sources.Add(PolicySource.ForSubgraph(RegistrationFile, File.ReadAllText(Path.Combine(root, "policies", "registrations", RegistrationFile))));
        if (!sources.Any(s => LabelDefinition().IsMatch(s.Text)))
        {
            sources.Add(new PolicySource("criminal-offence-label.yaml", CriminalOffenceLabel));
        }

        return sources;
    }

    /// <summary>Every <c>Type.field</c> of the supergraph's object and interface types, as the gateway asks the policies to classify.</summary>
    private static List<string> FieldCoordinates(SupergraphSchema supergraph) =>
        [.. from type in supergraph.Types.Values
            where !type.Inaccessible && !type.Name.StartsWith("__", StringComparison.Ordinal)
                && type.Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface
            from field in type.Fields.Values
            where !field.Inaccessible && !field.Name.StartsWith("__", StringComparison.Ordinal)
            select type.Name + "." + field.Name];

    /// <summary>
    /// The coordinates a subgraph resolves that the API schema shows: fields of the types it defines, joined to it
    /// (joins are by subgraph name); inaccessible ones (the cohort fields) are the gateway's own and need no class.
    /// </summary>
    private static List<string> FieldsOf(SupergraphSchema supergraph, string subgraph) =>
        [.. from type in supergraph.Types.Values
            where type.Kind == SupergraphTypeKind.Object && type.Joins.ContainsKey(subgraph) && !type.Inaccessible
            from field in type.Fields.Values
            where (field.HasJoinField ? field.JoinFor(subgraph) is not null : true) && !field.Inaccessible
            select type.Name + "." + field.Name];

    /// <summary>The field coordinates under the document's <c>classifications:</c> section.</summary>
    private static IEnumerable<string> ClassifiedFields(string yaml) =>
        ClassificationLine().Matches(yaml[yaml.IndexOf("\nclassifications:", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChildInfo.Gateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (ChildInfo.Gateway.sln) was not found above the test binaries.");
    }

    [GeneratedRegex(@"^\s+criminal_offence\s*:", RegexOptions.Multiline)]
    private static partial Regex LabelDefinition();

    [GeneratedRegex(@"^  ([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline)]
    private static partial Regex ClassificationLine();
}
