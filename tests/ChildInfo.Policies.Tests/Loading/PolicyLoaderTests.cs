using ChildInfo.Policies.Loading;

namespace ChildInfo.Policies.Tests.Loading;

public sealed class PolicyLoaderTests
{
    private static readonly string[] Fields = ["Child.id", "Child.name", "Child.pupil"];

    internal const string Vocabulary = """
        labels:
          linkage: Ids.
          identifying: Names.
          reference:
            description: Directory data.
            row_level: false
        agencies: [education, social-care]
        links:
          Child.pupil: education
        preference_categories:
          ALL: all
        """;

    internal const string Purposes = """
        purposes:
          child_protection:
            legal_basis: CA1989 s47
            justification_required: true
            may_override_preferences: true
          service_planning:
            legal_basis: CA2004 s10
            aggregate_only: true
        roles:
          social_worker:
            agency: social-care
            purposes: [child_protection]
          la_analyst:
            agency: social-care
            purposes: [service_planning]
        """;

    internal const string Classifications = """
        classifications:
          Child.id: [linkage]
          Child.name: [identifying]
          Child.pupil: [linkage]
        """;

    private const string Rules = """
        rules:
          - role: social_worker
            purpose: child_protection
            visible: [linkage, identifying]
            links: [Child.pupil]
            scope: own_caseload
            break_glass: true
          - role: la_analyst
            purpose: service_planning
            visible: [reference]
            scope: everyone
        """;

    [Fact]
    public void Load_MinimalSet_Succeeds()
    {
        var result = Load();

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(3, result.PolicySet!.Classifications.Count);
    }

    [Fact]
    public void Load_MalformedYaml_ReportsFileAndLine()
    {
        var result = Load(rules: "rules:\n  - role: social_worker\n    purpose: [child_protection\n");

        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.MalformedYaml);
        Assert.Null(result.PolicySet);
        Assert.Equal("rules.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 3);
    }

    [Fact]
    public void Load_UnknownLabelInClassification_ReportsItsLineAndColumn()
    {
        var result = Load(classifications: "classifications:\n  Child.id: [linkage]\n  Child.name: [identifyng]\n  Child.pupil: [linkage]\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.UnknownLabel, error.Code);
        Assert.Equal(new("classifications.yaml", 3, 16), error.Location);
        Assert.Contains("identifyng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownRoleInRule_IsReported()
    {
        var result = Load(rules: Rules.Replace("role: la_analyst", "role: la_analist", StringComparison.Ordinal));

        Assert.Contains(result.Errors, e => e.Code == PolicyErrorCodes.UnknownRole && e.Location.File == "rules.yaml" && e.Location.Line == 8);
    }

    [Fact]
    public void Load_UnknownPurposeForRole_IsReported()
    {
        var result = Load(purposes: Purposes.Replace("purposes: [child_protection]", "purposes: [child_protecton]", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.UnknownPurpose);
        Assert.Equal("purposes.yaml", error.Location.File);
        Assert.Equal(12, error.Location.Line);
    }

    [Fact]
    public void Load_RuleForPurposeTheRoleMayNotUse_IsReported()
    {
        var result = Load(rules: Rules + "\n" + """
              - role: la_analyst
                purpose: child_protection
                scope: everyone
            """);

        var error = Assert.Single(result.Errors, e => e.Code == PolicyErrorCodes.PurposeNotAllowedForRole);
        Assert.Contains("service_planning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldCoordinate_IsReported()
    {
        var result = Load(classifications: Classifications + "\n  Child.shoeSize: [identifying]\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.UnknownField, error.Code);
        Assert.Equal(new("classifications.yaml", 5, 3), error.Location);
    }

    [Fact]
    public void Load_UnclassifiedSupergraphField_IsReported()
    {
        var result = Load(fields: [.. Fields, "Child.postcode"]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.UnclassifiedField, error.Code);
        Assert.Contains("Child.postcode", error.Message, StringComparison.Ordinal);
        Assert.Equal("classifications.yaml", error.Location.File);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Load_LabelBothVisibleAndDenied_IsAContradiction()
    {
        var result = Load(rules: Rules.Replace("visible: [linkage, identifying]", "visible: [linkage, identifying]\n    denied: [identifying]", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.LabelVisibleAndDenied, error.Code);
        Assert.Equal(5, error.Location.Line);
    }

    [Fact]
    public void Load_AggregateOnlyPurposeWithRowLevelLabel_IsAContradiction()
    {
        var result = Load(rules: Rules.Replace("visible: [reference]", "visible: [reference, identifying]", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.AggregateOnlyRowLevel, error.Code);
        Assert.Equal(new("rules.yaml", 10, 26), error.Location);
    }

    [Fact]
    public void Load_BreakGlassOnPurposeWithoutJustification_IsAContradiction()
    {
        var result = Load(rules: Rules.Replace("    scope: everyone", "    scope: everyone\n    break_glass: true", StringComparison.Ordinal));

        Assert.Equal(PolicyErrorCodes.BreakGlassWithoutJustification, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Load_OverrideOnPurposeWithoutTheLegalPower_IsReported()
    {
        var result = Load(rules: Rules.Replace("    scope: everyone", "    scope: everyone\n    preferences: { override: true }", StringComparison.Ordinal));

        Assert.Equal(PolicyErrorCodes.OverrideNotPermitted, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Load_RoleWithoutRuleForOneOfItsPurposes_IsReported()
    {
        var result = Load(rules: Rules[..Rules.IndexOf("  - role: la_analyst", StringComparison.Ordinal)]);

        Assert.Equal(PolicyErrorCodes.MissingRule, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Load_UnknownKey_IsReported()
    {
        var result = Load(rules: Rules.Replace("scope: own_caseload", "scope: own_caseload\n    brake_glass: true", StringComparison.Ordinal));

        Assert.Equal(PolicyErrorCodes.UnknownKey, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Load_ErrorToString_NamesFileLineColumnAndCode()
    {
        var result = Load(classifications: "classifications:\n  Child.id: [linkage]\n  Child.name: [identifyng]\n  Child.pupil: [linkage]\n");

        Assert.Equal("classifications.yaml(3,16): POLICY_UNKNOWN_LABEL: Unknown label 'identifyng'.", result.Describe());
    }

    [Fact]
    public void LoadDirectory_MissingFolder_Fails()
    {
        var result = PolicyLoader.LoadDirectory(Path.Combine(Path.GetTempPath(), "no-such-policy-folder-" + Guid.NewGuid()), Fields);

        Assert.Equal(PolicyErrorCodes.NoPolicyFiles, Assert.Single(result.Errors).Code);
    }

    /// <summary>
    /// A subgraph's registered document says what its fields are; one that also grants access (a new role and a rule
    /// seeing everything, a setting) is refused section by section, and none of it takes effect.
    /// </summary>
    [Fact]
    public void RegisteredDocument_WithRolesRulesOrSettings_IsRefused_NamingEachSection()
    {
        const string registered = """
            classifications:
              Child.notes: [identifying]
            roles:
              registry_reader:
                agency: education
                purposes: [child_protection]
            rules:
              - role: registry_reader
                purpose: child_protection
                visible: [linkage, identifying]
                links: [all]
                scope: everyone
            settings:
              strict: false
            """;

        var result = PolicyLoader.Load(
            [new("vocabulary.yaml", Vocabulary), new("purposes.yaml", Purposes), new("classifications.yaml", Classifications), new("rules.yaml", Rules),
             PolicySource.ForSubgraph("registry/notes.yaml", registered)],
            [.. Fields, "Child.notes"]);

        Assert.False(result.Succeeded);
        var refused = result.Errors.Where(e => e.Code == PolicyErrorCodes.SectionNotAllowed).ToList();
        Assert.Equal(3, refused.Count);
        Assert.All(["roles", "rules", "settings"], section => Assert.Contains(refused, e => e.Message.Contains($"'{section}' belongs in the policy folder", StringComparison.Ordinal)));
        Assert.All(refused, e => Assert.Equal("registry/notes.yaml", e.Location.File));
        Assert.DoesNotContain(result.Errors, e => e.Code != PolicyErrorCodes.SectionNotAllowed);
    }

    [Fact]
    public void RegisteredDocument_WithAgencyLinksAndClassifications_Loads()
    {
        const string registered = """
            agencies: [youth-justice]
            links:
              Child.cases: youth-justice
            classifications:
              Child.cases: [linkage]
            """;

        var result = PolicyLoader.Load(
            [new("vocabulary.yaml", Vocabulary), new("purposes.yaml", Purposes), new("classifications.yaml", Classifications), new("rules.yaml", Rules),
             PolicySource.ForSubgraph("registry/cases.yaml", registered)],
            [.. Fields, "Child.cases"]);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("youth-justice", result.PolicySet!.Links["Child.cases"]);
    }

    /// <summary>
    /// A registered document cannot relabel a field the policy folder classified (say, a child's name as directory
    /// data, which would let any subgraph reference the entity): a coordinate is classified once.
    /// </summary>
    [Fact]
    public void RegisteredDocument_ReclassifyingAFieldOfThePolicyFolder_IsRefused()
    {
        const string registered = """
            classifications:
              Child.name: [linkage]
            """;

        var result = PolicyLoader.Load(
            [new("vocabulary.yaml", Vocabulary), new("purposes.yaml", Purposes), new("classifications.yaml", Classifications), new("rules.yaml", Rules),
             PolicySource.ForSubgraph("registry/relabel.yaml", registered)],
            Fields);

        Assert.False(result.Succeeded);
        var duplicate = Assert.Single(result.Errors);
        Assert.Equal(PolicyErrorCodes.Duplicate, duplicate.Code);
        Assert.Equal("registry/relabel.yaml", duplicate.Location.File);
    }

    internal static PolicyLoadResult Load(
        string vocabulary = Vocabulary, string purposes = Purposes, string classifications = Classifications, string rules = Rules,
        IReadOnlyCollection<string>? fields = null) =>
        PolicyLoader.Load(
            [new("vocabulary.yaml", vocabulary), new("purposes.yaml", purposes), new("classifications.yaml", classifications), new("rules.yaml", rules)],
            fields ?? Fields);
}
