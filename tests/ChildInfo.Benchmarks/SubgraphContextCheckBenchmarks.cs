using BenchmarkDotNet.Attributes;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.SocialCare;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Benchmarks;

/// <summary>
/// What a subgraph pays per call to check the gateway's signed context: verifying the token (with and without the
/// labels and links a rule carries) and validating the operation with and without the label check, on the
/// social-care subgraph's schema and an <c>_entities</c> call like the gateway's for the joined-up child query.
/// </summary>
[MemoryDiagnoser]
public class SubgraphContextCheckBenchmarks
{
    private const string EntitiesCall = """
        query($representations:[_Any!]!){_entities(representations:$representations){...on SocialCareChild{personId forename surname childProtectionPlanActive lookedAfterActive hasEhcPlan dataUsePreferences{code dataCategory withheldFromPurposes withheldFromAgencies expressedBy}}}}
        """;

    private static readonly string[] Labels =
    [
        "identifying", "contact", "demographic", "special_category", "linkage", "lookup", "reference", "workforce", "enrolment",
        "attendance_summary", "attendance", "exclusion", "sen", "fsm", "funding", "development", "health", "status_flag", "cin",
        "protection", "care", "early_help", "engagement", "outcome", "voice", "notes", "preference", "criminal_offence",
    ];

    private readonly byte[] _key = new byte[32];
    private WebApplication _app = null!;
    private ISchema _schema = null!;
    private GraphQLDocument _document = null!;
    private FieldClassification _classification = null!;
    private SubgraphContext _context = null!;
    private string _plainToken = null!;
    private string _labelledToken = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = SubgraphHost.CreateAsync(new SocialCareSubgraph(), new SubgraphHostOptions
        {
            ContextKey = _key,
            Database = DatabaseOptions.SqliteFile(Path.Combine(Path.GetTempPath(), $"childinfo-bench-{Guid.NewGuid():N}.db")),
        }).GetAwaiter().GetResult();
        _schema = _app.Services.GetRequiredService<ISchema>();
        _schema.Initialize();
        _classification = _app.Services.GetRequiredService<FieldClassification>();
        _document = Parser.Parse(EntitiesCall);
        var now = DateTimeOffset.UtcNow;
        var plain = new SubgraphContext("W0022", "team_manager", "child_protection", "req-1")
        {
            Scope = "Everyone", Rule = "team_manager/child_protection", IssuedAt = now, ExpiresAt = now.AddSeconds(60),
        };
        _context = plain with
        {
            Labels = Labels.ToHashSet(StringComparer.Ordinal),
            Links = new HashSet<string>(["Child.pupil", "Child.earlyYearsChild", "Child.socialCareChild", "Child.vcsParticipant"], StringComparer.Ordinal),
        };
        _plainToken = SubgraphContextToken.Create(plain, _key);
        _labelledToken = SubgraphContextToken.Create(_context, _key);
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "validate (core rules + batch limit)")]
    public Task<IValidationResult> Validate() => ValidateAsync(DocumentValidator.CoreRules.Append(new EntityBatchLimitRule(1000)));

    [Benchmark(Description = "validate + label check")]
    public Task<IValidationResult> ValidateWithLabels() =>
        ValidateAsync(DocumentValidator.CoreRules.Append(new EntityBatchLimitRule(1000)).Append(new ContextLabelRule(_classification, _context)));

    [Benchmark(Description = "verify context token, no labels")]
    public SubgraphContextVerification VerifyPlain() => SubgraphContextToken.Verify(_plainToken, _key, DateTimeOffset.UtcNow);

    [Benchmark(Description = "verify context token, 28 labels + 4 links")]
    public SubgraphContextVerification VerifyLabelled() => SubgraphContextToken.Verify(_labelledToken, _key, DateTimeOffset.UtcNow);

    private Task<IValidationResult> ValidateAsync(IEnumerable<IValidationRule> rules) =>
        new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = _document,
            Operation = _document.Definitions.OfType<GraphQLOperationDefinition>().First(),
            Rules = rules,
            Variables = Inputs.Empty,
            RequestServices = _app.Services,
        });
}
