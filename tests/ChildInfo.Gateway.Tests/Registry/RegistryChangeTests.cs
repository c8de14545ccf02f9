using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Registry;
using ChildInfo.Registry;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>
/// A system owner changes the registry of a running gateway: each change is checked (SDL, composition,
/// classifications, breaking changes) before it takes effect, takes effect without a restart, and is audited.
/// </summary>
public sealed class RegistryChangeTests(ConfiguredSubgraphsFixture configured) : IClassFixture<ConfiguredSubgraphsFixture>, IAsyncLifetime
{
    /// <summary>The probe's classifications, then a role and a rule that would see every child: a grant, not a classification.</summary>
    private const string GrantingDocument = ProbeSubgraph.Classifications + "\n" + """
        roles:
          registry_reader:
            agency: social-care
            purposes: [child_protection]
        rules:
          - role: registry_reader
            purpose: child_protection
            visible: [identifying, linkage, reference]
            links: [all]
            scope: everyone
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-registry-").FullName;
    private FileRegistryStore _store = null!;
    private RegistryGateway _gateway = null!;
    private bool _gatewayStopped;

    public async ValueTask InitializeAsync()
    {
        _store = new FileRegistryStore(Path.Combine(_folder, "registry.json"));
        _gateway = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, _store,
            audit: GatewayAuditOptions.ForDataDirectory(_folder));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_gatewayStopped)
        {
            await _gateway.DisposeAsync();
        }

        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Add_ClassifiedSubgraph_IsServedAtOnceWithoutRestart()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        var (_, before, _) = await _gateway.QueryAsync("{ registryProbe { version } }");
        Assert.Contains("registryProbe", before.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var (status, body) = await _gateway.AddAsync("registry-probe", probe.Url);

        Assert.Equal(200, status);
        Assert.Equal("applied", body.GetProperty("outcome").GetString());
        Assert.Equal(1, body.GetProperty("revision").GetInt64());
        Assert.Equal(SubgraphEntry.Hash(probe.Sdl), body.GetProperty("sdlHash").GetString());
        Assert.Contains("Query.registryProbe", body.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        var (queried, result, revision) = await _gateway.QueryAsync("{ registryProbe { version } }");
        Assert.Equal(200, queried);
        Assert.Equal(1, revision);
        Assert.Equal("v1", result.GetProperty("data").GetProperty("registryProbe").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Add_FieldWithoutClassification_IsRefusedAndNothingChanges()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");

        var (status, body) = await _gateway.AddAsync("registry-probe", probe.Url, classifications: "classifications:\n  Query.registryProbe: [reference]\n");

        Assert.Equal(422, status);
        Assert.Equal("refused", body.GetProperty("outcome").GetString());
        var problem = Assert.Single(Problems(body), p => p.Code == "UNCLASSIFIED_FIELD");
        Assert.Contains("RegistryProbe.version", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, _gateway.State.Current.Number);
        Assert.Equal(0, (await _store.ReadAsync(CancellationToken.None)).Revision);
    }

    /// <summary>
    /// The classification document says what the new fields are; a system owner cannot slip a grant of access into it
    /// (a role and a rule that sees every child), which belongs to the policy folder and its owners.
    /// </summary>
    [Fact]
    public async Task Add_ClassificationsThatAlsoGrantAccess_AreRefusedAndNothingChanges()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");

        var (status, body) = await _gateway.AddAsync("registry-probe", probe.Url, classifications: GrantingDocument);

        Assert.Equal(422, status);
        var problems = Problems(body);
        Assert.True(2 == problems.Count(p => p.Message.Contains("POLICY_SECTION_NOT_ALLOWED", StringComparison.Ordinal)), string.Join("\n", problems));
        Assert.Equal(0, _gateway.State.Current.Number);
        Assert.Equal(0, (await _store.ReadAsync(CancellationToken.None)).Revision);
    }

    /// <summary>
    /// The child index decides every caller's scope and vouches for the keys agencies serve; a system owner's token could
    /// point it at another server. Its address is configuration: an update through the registry is refused.
    /// </summary>
    [Fact]
    public async Task Update_TheScopeAuthority_IsRefused_AndNothingIsFetchedOrChanged()
    {
        // Another server presenting the index's own schema, so that every other check would pass.
        await using var probe = await ProbeSubgraph.StartAsync("v1", configured.Subgraphs.Single(s => s.Name == "child-index").Sdl);

        var (status, body) = await _gateway.AdminAsync(HttpMethod.Put, "admin/subgraphs/child-index", new { url = probe.Url });

        Assert.True(status == 409, $"{status} {body.GetRawText()}");
        Assert.Equal("SCOPE_AUTHORITY", Assert.Single(Problems(body)).Code);
        Assert.Equal(0, _gateway.State.Current.Number);
        Assert.Equal(0, (await _store.ReadAsync(CancellationToken.None)).Revision);
    }

    /// <summary>
    /// Adding the child index through the registry is refused as configuration-only, whether or not it is configured
    /// (where it is not, a system owner's token would otherwise choose where every caller's record scope comes from),
    /// before its SDL is fetched.
    /// </summary>
    [Fact]
    public async Task Add_TheScopeAuthority_IsRefused_AsConfigurationOnly_BeforeAnythingIsFetched()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1", configured.Subgraphs.Single(s => s.Name == "child-index").Sdl);

        var (status, body) = await _gateway.AddAsync("child-index", probe.Url);

        Assert.True(status == 409, $"{status} {body.GetRawText()}");
        Assert.Equal("SCOPE_AUTHORITY", Assert.Single(Problems(body)).Code);
        Assert.Equal(0, probe.SdlRequests);
        Assert.Equal(0, (await _store.ReadAsync(CancellationToken.None)).Revision);
    }

    /// <summary>
    /// A registry written before the index was refused there may hold an entry for it (an update from an older
    /// gateway): on restart that entry is not trusted, the configured subgraphs are served and the problem is listed,
    /// and removing the entry through the registry hands the index back to the configuration.
    /// </summary>
    [Fact]
    public async Task Restart_OnARegistryHoldingTheScopeAuthority_ServesTheConfiguredIndex_UntilTheEntryIsRemoved()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1", configured.Subgraphs.Single(s => s.Name == "child-index").Sdl);
        await using var store = new FileRegistryStore(Path.Combine(_folder, "older-registry.json"));
        var entry = SubgraphEntry.Create("child-index", probe.Url, configured.Subgraphs.Single(s => s.Name == "child-index").Sdl, null, DateTimeOffset.UtcNow, "owner-older-gateway");
        Assert.NotNull(await store.TryWriteAsync(0, [entry], CancellationToken.None));

        await using var restarted = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, store);

        Assert.Equal(0, restarted.State.Current.Number);
        Assert.Equal(configured.Environment.SubgraphUrls["child-index"], restarted.State.Current.Supergraph.Subgraphs.Single(s => s.Name == "child-index").Url);
        var (_, list) = await restarted.AdminAsync(HttpMethod.Get, "admin/subgraphs");
        Assert.Contains(list.GetProperty("followProblems").EnumerateArray(), p => p.GetProperty("code").GetString() == "SCOPE_AUTHORITY");

        var (status, body) = await restarted.AdminAsync(HttpMethod.Delete, "admin/subgraphs/child-index");

        Assert.True(status == 200, $"{status} {body.GetRawText()}");
        Assert.Empty((await store.ReadAsync(CancellationToken.None)).Subgraphs);
        Assert.Equal(configured.Environment.SubgraphUrls["child-index"], restarted.State.Current.Supergraph.Subgraphs.Single(s => s.Name == "child-index").Url);
    }

    /// <summary>A file or ftp address used to end in a 500; a user name and password would be stored and listed.</summary>
    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/graphql")]
    [InlineData("graphql")]
    [InlineData("http://")]
    [InlineData("http://127.0.0.1:4001/graphql\r\nX-Injected: 1")]
    [InlineData("http://owner:secret@127.0.0.1:4001/graphql")]
    public async Task Add_UrlThatIsNotAnHttpAddress_IsRefusedAsBadRequest_AndNothingIsFetched(string url)
    {
        var (status, body) = await _gateway.AddAsync("registry-probe", url);

        Assert.True(status == 400, $"{status} {body.GetRawText()}");
        Assert.Equal("INVALID_URL", Assert.Single(Problems(body)).Code);
        Assert.Equal(0, _gateway.State.Current.Number);
    }

    [Fact]
    public async Task Add_ABodyNamingAMemberTwice_IsRefusedAsBadRequest_AndNothingChanges()
    {
        // Which url counts would be up to the reader; the change is refused instead.
        using var body = JsonDocument.Parse("""{"name":"registry-probe","url":"http://127.0.0.1:9/graphql","url":"http://127.0.0.1:10/graphql"}""");

        var (status, answer) = await _gateway.AdminAsync(HttpMethod.Post, "admin/subgraphs", body.RootElement);

        Assert.True(status == 400, $"{status} {answer.GetRawText()}");
        Assert.Equal("BAD_REQUEST", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, _gateway.State.Current.Number);
    }

    [Fact]
    public async Task Add_SdlThatDoesNotParse_IsRefusedWithACompositionError()
    {
        await using var broken = await ProbeSubgraph.StartAsync("v1", "type Query { registryProbe: RegistryProbe ");

        var (status, body) = await _gateway.AddAsync("registry-probe", broken.Url);

        Assert.Equal(422, status);
        var problem = Assert.Single(Problems(body));
        Assert.Equal("COMPOSITION", problem.Code);
        Assert.Contains("registry-probe", problem.Message, StringComparison.Ordinal);
        Assert.Contains("INVALID_GRAPHQL", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, _gateway.State.Current.Number);
    }

    [Fact]
    public async Task Add_UrlThatDoesNotAnswer_IsRefusedNamingTheUrl()
    {
        var url = $"http://127.0.0.1:{FreePort()}/graphql";

        var (status, body) = await _gateway.AddAsync("registry-probe", url);

        Assert.Equal(502, status);
        var problem = Assert.Single(Problems(body));
        Assert.Equal("SDL_UNAVAILABLE", problem.Code);
        Assert.Contains(url, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_RemovingAFieldInUse_IsRefusedUnlessForced_DryRunShowsTheDiff()
    {
        await using var v1 = await ProbeSubgraph.StartAsync("v1");
        await using var v2 = await ProbeSubgraph.StartAsync("v2", ProbeSubgraph.SdlWith("label: String"));
        Assert.Equal(200, (await _gateway.AddAsync("registry-probe", v1.Url)).Status);
        var classifications = "classifications:\n  Query.registryProbe: [reference]\n  RegistryProbe.label: [reference]\n";

        var (refused, refusal) = await _gateway.AdminAsync(HttpMethod.Put, "admin/subgraphs/registry-probe", new { url = v2.Url, classifications });
        var (dryRun, preview) = await _gateway.AdminAsync(HttpMethod.Put, "admin/subgraphs/registry-probe", new { url = v2.Url, classifications, dryRun = true, force = true });
        var servedAfterDryRun = _gateway.State.Current.Number;
        var (forced, applied) = await _gateway.AdminAsync(HttpMethod.Put, "admin/subgraphs/registry-probe", new { url = v2.Url, classifications, force = true });

        Assert.Equal(409, refused);
        Assert.Contains(Problems(refusal), p => p.Code == "BREAKING_CHANGE" && p.Message.Contains("RegistryProbe.version", StringComparison.Ordinal));
        Assert.True(refusal.GetProperty("breaking").GetBoolean());
        Assert.Equal(200, dryRun);
        Assert.Equal("dryRun", preview.GetProperty("outcome").GetString());
        Assert.Contains("RegistryProbe.version", preview.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, servedAfterDryRun);
        Assert.Equal(200, forced);
        Assert.Equal(2, applied.GetProperty("revision").GetInt64());
        var (_, result, revision) = await _gateway.QueryAsync("{ registryProbe { label } }");
        Assert.Equal(2, revision);
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
    }

    [Fact]
    public async Task Add_NonNullFieldOnAnotherSubgraphsEntity_IsRefusedSayingWhy_ForceAppliesItWithAWarning()
    {
        var sdl = ProbeSubgraph.SdlWith("version: String!") + """

            type Child @key(fields: "id") { id: ID! probeNotes: [String!]! }
            """;
        await using var probe = await ProbeSubgraph.StartAsync("v1", sdl);
        var classifications = ProbeSubgraph.Classifications + "\n  Child.probeNotes: [reference]\n";

        var (refused, refusal) = await _gateway.AddAsync("registry-probe", probe.Url, classifications: classifications);
        var (dryRun, preview) = await _gateway.AdminAsync(HttpMethod.Post, "admin/subgraphs", new { name = "registry-probe", url = probe.Url, classifications, dryRun = true });
        var servedBeforeForce = _gateway.State.Current.Number;
        var storedBeforeForce = (await _store.ReadAsync(CancellationToken.None)).Revision;
        var (forced, applied) = await _gateway.AdminAsync(HttpMethod.Post, "admin/subgraphs", new { name = "registry-probe", url = probe.Url, classifications, force = true });

        Assert.Equal(422, refused);
        Assert.Equal("refused", refusal.GetProperty("outcome").GetString());
        Assert.Contains("blank the whole object", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        var problem = Assert.Single(Problems(refusal));
        Assert.Equal("CROSS_SUBGRAPH_NON_NULL", problem.Code);
        Assert.Contains("Child.probeNotes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Declare it nullable ([String!])", problem.Message, StringComparison.Ordinal);
        Assert.Equal(422, dryRun);
        Assert.Equal("refused", preview.GetProperty("outcome").GetString());
        Assert.Equal(0, servedBeforeForce);
        Assert.Equal(0, storedBeforeForce);
        Assert.Equal(200, forced);
        Assert.Equal("applied", applied.GetProperty("outcome").GetString());
        var warning = Assert.Single(applied.GetProperty("warnings").EnumerateArray());
        Assert.Equal("CROSS_SUBGRAPH_NON_NULL", warning.GetProperty("code").GetString());
        Assert.Contains("Child.probeNotes", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, _gateway.State.Current.Number);
    }

    [Fact]
    public async Task Remove_RegisteredSubgraph_StopsServingIt_ConfiguredOneIsRefused()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        Assert.Equal(200, (await _gateway.AddAsync("registry-probe", probe.Url)).Status);

        var (configuredStatus, configuredBody) = await _gateway.AdminAsync(HttpMethod.Delete, "admin/subgraphs/education?force=true");
        var (removed, _) = await _gateway.AdminAsync(HttpMethod.Delete, "admin/subgraphs/registry-probe?force=true");

        Assert.Equal(409, configuredStatus);
        Assert.Equal("CONFIGURED_SUBGRAPH", Assert.Single(Problems(configuredBody)).Code);
        Assert.Equal(200, removed);
        Assert.DoesNotContain(_gateway.State.Current.Supergraph.Subgraphs, s => s.Name == "registry-probe");
        Assert.Contains(_gateway.State.Current.Supergraph.Subgraphs, s => s.Name == "education");
    }

    [Fact]
    public async Task Registry_RefusesCallersWhoAreNotSystemOwners_AndAuditsEveryCall()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        using var anonymous = await _gateway.Client.GetAsync(new Uri(_gateway.BaseUrl, "admin/subgraphs"));

        var (forbidden, _) = await _gateway.AdminAsync(HttpMethod.Post, "admin/subgraphs", new { name = "registry-probe", url = probe.Url, classifications = ProbeSubgraph.Classifications }, role: "social_worker");
        var (added, _) = await _gateway.AddAsync("registry-probe", probe.Url);
        var (listed, list) = await _gateway.AdminAsync(HttpMethod.Get, "admin/subgraphs");

        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.Equal(403, forbidden);
        Assert.Equal(200, added);
        Assert.Equal(200, listed);
        var entry = Assert.Single(list.GetProperty("subgraphs").EnumerateArray(), s => s.GetProperty("name").GetString() == "registry-probe");
        Assert.Equal("registered", entry.GetProperty("origin").GetString());
        Assert.Equal("owner-system_owner", entry.GetProperty("changedBy").GetString());
        Assert.Equal(6, list.GetProperty("subgraphs").GetArrayLength());

        var audit = (GatewayAudit)_gateway.Services.GetService(typeof(GatewayAudit))!;
        var records = await audit.Store.ReadAsync(0, 100, CancellationToken.None);
        var administration = records.Where(r => r.Purpose == "system_administration").ToList();
        Assert.Equal(4, administration.Count);
        Assert.Contains(administration, r => r.Outcome == AuditOutcome.Denied && r.Role == "unidentified");
        Assert.Contains(administration, r => r.Outcome == AuditOutcome.Denied && r.Payload!.OperationText.StartsWith("subgraph add", StringComparison.Ordinal));
        Assert.Contains(administration, r => r.Outcome == AuditOutcome.Ok && r.User == "owner-system_owner" && r.Payload!.OperationText.Contains("applied at revision 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Change_PlansTheOperationsInUse_InTheNewRevision_UnderTheScopeTheirRequestsBindTo()
    {
        const string query = "query WarmProbe { child(id: \"CH-NOT-THERE\") { id forename } }";
        Assert.Equal(200, (await _gateway.QueryAsync(query)).Status);
        var before = _gateway.State.Current;
        Assert.Single(before.Gateway.RecentOperations(10), o => o.Text == query);
        await using var probe = await ProbeSubgraph.StartAsync("v1");

        Assert.Equal(200, (await _gateway.AddAsync("registry-probe", probe.Url)).Status);
        var after = _gateway.State.Current;
        var warmed = Assert.Single(after.Gateway.RecentOperations(10), o => o.Text == query);
        var (status, _, revision) = await _gateway.QueryAsync(query);

        Assert.NotSame(before.Gateway, after.Gateway);
        Assert.Equal(1, after.Number);
        // Bound again under the new revision's policies (the probe's classifications joined them: a new version).
        Assert.Equal(after.Policies!.Bind("social_worker", "child_protection", true, false).Scope!.CacheKey, warmed.ScopeKey);
        Assert.Equal("social_worker", after.ScopeOf(warmed.ScopeKey!)!.Role.Id);
        Assert.NotEmpty(warmed.ConditionKeys); // planned, not only compiled
        Assert.Equal((200, 1L), (status, revision));
        // The request found the warmed plan: still one entry for the text, under the same scope.
        Assert.Equal(warmed, Assert.Single(after.Gateway.RecentOperations(10), o => o.Text == query), WarmedEquality.Instance);
    }

    /// <summary>Two listings of one cached operation are equal when their text, name, scope and plan keys are.</summary>
    private sealed class WarmedEquality : IEqualityComparer<ChildInfo.Federation.CachedOperation>
    {
        public static readonly WarmedEquality Instance = new();

        public bool Equals(ChildInfo.Federation.CachedOperation? x, ChildInfo.Federation.CachedOperation? y) =>
            x is not null && y is not null && x.Text == y.Text && x.OperationName == y.OperationName && x.ScopeKey == y.ScopeKey
            && x.ConditionKeys.SequenceEqual(y.ConditionKeys);

        public int GetHashCode(ChildInfo.Federation.CachedOperation obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_RestoresTheRegistry()
    {
        await using var probe = await ProbeSubgraph.StartAsync("v1");
        Assert.Equal(200, (await _gateway.AddAsync("registry-probe", probe.Url)).Status);
        var served = _gateway.State.Current.SupergraphHash;
        await _gateway.DisposeAsync();
        _gatewayStopped = true;

        await using var store = new FileRegistryStore(Path.Combine(_folder, "registry.json"));
        await using var restarted = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, store);

        Assert.Equal(1, restarted.State.Current.Number);
        Assert.Equal(served, restarted.State.Current.SupergraphHash);
        var (_, result, revision) = await restarted.QueryAsync("{ registryProbe { version } }");
        Assert.Equal(1, revision);
        Assert.Equal("v1", result.GetProperty("data").GetProperty("registryProbe").GetProperty("version").GetString());
    }

    /// <summary>
    /// A registry written by an older gateway may hold what today's checks refuse (here a classification document that
    /// also adds a role and a rule). Restarted on it, the gateway serves its configured subgraphs only, none of the
    /// document's grant, and lists the reason for the system owner.
    /// </summary>
    [Fact]
    public async Task Restart_OnARegistryThatNoLongerPassesItsChecks_ServesTheConfiguredSubgraphs_AndSaysWhy()
    {
        var sdl = ProbeSubgraph.SdlWith("version: String!");
        await using var store = new FileRegistryStore(Path.Combine(_folder, "older-registry.json"));
        var entry = SubgraphEntry.Create("registry-probe", "http://127.0.0.1:9/graphql", sdl, GrantingDocument, DateTimeOffset.UtcNow, "owner-older-gateway");
        Assert.NotNull(await store.TryWriteAsync(0, [entry], CancellationToken.None));

        await using var restarted = await RegistryGateway.StartAsync(configured.Environment, configured.Subgraphs, store);

        Assert.Equal(0, restarted.State.Current.Number);
        Assert.DoesNotContain(restarted.State.Current.Supergraph.Subgraphs, s => s.Name == "registry-probe");
        var (status, list) = await restarted.AdminAsync(HttpMethod.Get, "admin/subgraphs");
        Assert.Equal(200, status);
        Assert.Equal(1, list.GetProperty("registryRevision").GetInt64());
        Assert.Contains(list.GetProperty("followProblems").EnumerateArray(),
            p => p.GetProperty("message").GetString()!.Contains("POLICY_SECTION_NOT_ALLOWED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubgraphThatStopsAnswering_IsReported_NotDropped()
    {
        var probe = await ProbeSubgraph.StartAsync("v1");
        Assert.Equal(200, (await _gateway.AddAsync("registry-probe", probe.Url)).Status);
        var health = (SubgraphHealth)_gateway.Services.GetService(typeof(SubgraphHealth))!;
        await health.ProbeAsync(TestContext.Current.CancellationToken);
        var answering = health.Of("registry-probe");

        await probe.DisposeAsync();
        await health.ProbeAsync(TestContext.Current.CancellationToken);
        var (_, list) = await _gateway.AdminAsync(HttpMethod.Get, "admin/subgraphs");
        var (_, result, _) = await _gateway.QueryAsync("{ registryProbe { version } }");
        using var healthResponse = await _gateway.Client.GetAsync(new Uri(_gateway.BaseUrl, "health"), TestContext.Current.CancellationToken);
        using var healthBody = JsonDocument.Parse(await healthResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(answering?.Answering);
        Assert.False(health.Of("registry-probe")?.Answering);
        var entry = Assert.Single(list.GetProperty("subgraphs").EnumerateArray(), s => s.GetProperty("name").GetString() == "registry-probe");
        Assert.Equal("not answering", entry.GetProperty("status").GetString());
        Assert.Contains(_gateway.State.Current.Supergraph.Subgraphs, s => s.Name == "registry-probe");
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("registryProbe").ValueKind);
        Assert.NotEmpty(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(["registry-probe"], healthBody.RootElement.GetProperty("notAnswering").EnumerateArray().Select(e => e.GetString()));
    }

    private static List<RegistryProblem> Problems(JsonElement body) =>
        [.. body.GetProperty("problems").EnumerateArray().Select(p => new RegistryProblem(p.GetProperty("code").GetString()!, p.GetProperty("message").GetString()!))];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A subgraph handing out keys to another agency's records. Education cannot decide a social worker's caseload,
    /// so it serves the pupils a signed call names, trusting the gateway took those keys from a parent the child index
    /// scope-checked. Registered as written here, this subgraph had education serve the names of pupils of its choosing
    /// to a social worker with no caseload; now the change is refused and nothing about those pupils is answered.
    /// </summary>
    [Fact]
    public async Task Add_SubgraphReturningAnotherAgencysEntity_IsRefused_AndNoRecordIsServed()
    {
        var upns = Upns();
        var sdl = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query { pupilsOfInterest: [Pupil] }
            type Pupil @key(fields: "upn", resolvable: false) { upn: String! }
            """;
        await using var rogue = await ReferringSubgraph.StartAsync(sdl, "Pupil", "upn", upns);

        var (status, body) = await _gateway.AddAsync("pupils-of-interest", rogue.Url, "classifications:\n  Query.pupilsOfInterest: [reference]\n");

        Assert.True(status == 422, $"{status} {body.GetRawText()}");
        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal("FOREIGN_REFERENCE", problem.GetProperty("code").GetString());
        Assert.StartsWith("[pupils-of-interest] Query.pupilsOfInterest returns Pupil, whose records 'education' serves by key", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (_, answer, revision) = await _gateway.QueryAsync("{ pupilsOfInterest { upn surname forename } }");
        Assert.Equal(0, revision);
        Assert.All(upns, upn => Assert.DoesNotContain(upn, answer.GetRawText(), StringComparison.Ordinal));
    }

    /// <summary>UPNs of pupils in the sample data (none on the test social worker's caseload: that worker has none).</summary>
    private IReadOnlyList<string> Upns()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(configured.Environment.ChildIndexConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT upn FROM ci_child WHERE upn IS NOT NULL ORDER BY child_id LIMIT 3";
        using var reader = command.ExecuteReader();
        var upns = new List<string>();
        while (reader.Read())
        {
            upns.Add(reader.GetString(0));
        }

        Assert.NotEmpty(upns);
        return upns;
    }
}
