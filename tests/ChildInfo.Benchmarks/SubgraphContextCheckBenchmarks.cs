using BenchmarkDotNet.Attributes;
using ChildInfo.Subgraphs.Contract;
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
/// What the signed context costs per subgraph call: the gateway signing one for the call (audience and body hash
/// included), the subgraph verifying it (with and without the labels and links a rule carries, the body hash
/// checked) and validating the operation with and without the label check, on the social-care subgraph's schema and
/// an <c>_entities</c> call like the gateway's for the joined-up child query.
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
    private SubgraphContextIssuer _issuer = null!;
    private PreparedSubgraphContext _prepared = null!;
    private Microsoft.IdentityModel.Tokens.SigningCredentials _credentials = null!;
    private SubgraphContextVerifier _verifier = null!;
    private byte[] _body = null!;
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
        // The body as the gateway sends it: the query and the representations of a few children.
        _body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            query = EntitiesCall,
            variables = new { representations = Enumerable.Range(1, 5).Select(i => new { __typename = "SocialCareChild", personId = $"P{i:D6}" }) },
        });
        var plain = new SubgraphContext("W0022", "team_manager", "child_protection", "req-1")
        {
            Scope = "Everyone", Rule = "team_manager/child_protection", Justification = "Ymholiad adran 47 — ŵyr",
        };
        _context = plain with
        {
            Labels = Labels.ToHashSet(StringComparer.Ordinal),
            Links = new HashSet<string>(["Child.pupil", "Child.earlyYearsChild", "Child.socialCareChild", "Child.vcsParticipant"], StringComparer.Ordinal),
        };
        _issuer = new SubgraphContextIssuer(_key);
        _prepared = SubgraphContextIssuer.Prepare(_context);
        _credentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(_key), "HS256");
        _verifier = new SubgraphContextVerifier(_key, "social-care");
        _plainToken = _issuer.Sign(plain, "social-care", _body);
        _labelledToken = _issuer.Sign(_context, "social-care", _body);
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "validate (core rules + batch limit)")]
    public Task<IValidationResult> Validate() => ValidateAsync(DocumentValidator.CoreRules.Append(new EntityBatchLimitRule(1000)));

    [Benchmark(Description = "validate + label check")]
    public Task<IValidationResult> ValidateWithLabels() =>
        ValidateAsync(DocumentValidator.CoreRules.Append(new EntityBatchLimitRule(1000)).Append(new ContextLabelRule(_classification, _context)));

    [Benchmark(Description = "sign a call's context, 28 labels + 4 links (gateway)")]
    public string SignLabelled() => _issuer.Sign(_context, "social-care", _body);

    [Benchmark(Description = "sign a call's context, claims prepared once per request (gateway)")]
    public string SignPrepared() => _issuer.Sign(_prepared, "social-care", _body);

    [Benchmark(Description = "sign the same with JsonWebTokenHandler (as before 2026-12-06)")]
    public string SignWithLibrary()
    {
        var claims = new Dictionary<string, object>(16, StringComparer.Ordinal)
        {
            [SubgraphContextClaims.User] = _context.User, [SubgraphContextClaims.Role] = _context.Role,
            [SubgraphContextClaims.Purpose] = _context.Purpose, [SubgraphContextClaims.RequestId] = _context.RequestId,
            [SubgraphContextClaims.Labels] = _context.Labels.Order(StringComparer.Ordinal).ToArray(),
            [SubgraphContextClaims.Links] = _context.Links.Order(StringComparer.Ordinal).ToArray(),
            [SubgraphContextClaims.Justification] = _context.Justification!, [SubgraphContextClaims.Scope] = _context.Scope!,
            [SubgraphContextClaims.Rule] = _context.Rule!, [SubgraphContextClaims.BodyHash] = SubgraphContextToken.BodyHash(_body),
        };
        var now = DateTime.UtcNow;
        return LibraryHandler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Claims = claims, TokenType = SubgraphContextToken.TokenType, Issuer = SubgraphContextToken.Issuer, Audience = "social-care",
            IssuedAt = now, Expires = now + SubgraphContextToken.DefaultLifetime, SigningCredentials = _credentials,
        });
    }

    private static readonly Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler LibraryHandler = new() { SetDefaultTimesOnTokenCreation = false };

    [Benchmark(Description = "verify context token + body hash, no labels")]
    public Task<SubgraphContextVerification> VerifyPlain() => _verifier.VerifyAsync(_plainToken, _body);

    [Benchmark(Description = "verify context token + body hash, 28 labels + 4 links")]
    public Task<SubgraphContextVerification> VerifyLabelled() => _verifier.VerifyAsync(_labelledToken, _body);

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
