namespace ChildInfo.Registry.Tests.Changes;

/// <summary>Every diff rule, each on the smallest pair of API schemas that shows it, and how a report reads.</summary>
public sealed class ApiSchemaDiffTests
{
    private const string Pupils = """
        type Query {
          pupil(id: ID!): Pupil
          pupils(school: String, limit: Int = 10, filter: PupilFilter): [Pupil!]!
        }

        interface Person {
          id: ID!
          name: String
        }

        type Pupil implements Person {
          id: ID!
          name: String
          attendance: Float!
          status: Status
        }

        enum Status {
          ON_ROLL
          LEFT
        }

        union SearchResult = Pupil | School

        type School {
          urn: ID!
        }

        input PupilFilter {
          yearGroup: Int
          status: Status = ON_ROLL
        }

        scalar Date
        """;

    [Fact]
    public void Compare_IdenticalSchemas_FindsNothing()
    {
        var report = ApiSchemaDiff.Compare(Pupils, Pupils);

        Assert.Empty(report.Changes);
        Assert.False(report.IsBreaking);
        Assert.Equal("No changes to the API schema.", report.Describe());
    }

    [Fact]
    public void Compare_SameSchemaReformatted_FindsNothing()
    {
        var reformatted = string.Join(' ', Pupils.Split('\n', StringSplitOptions.TrimEntries));

        Assert.Empty(ApiSchemaDiff.Compare(Pupils, reformatted).Changes);
    }

    /// <summary>One change to an API schema and what the diff must say of it.</summary>
    private sealed record DiffCase(string Before, string After, string Code, SchemaChangeSeverity Severity, string? Coordinate = null, string? Message = null);

    /// <summary>A case that edits the <see cref="Pupils"/> schema by replacing <paramref name="from"/> with <paramref name="to"/>.</summary>
    private static DiffCase Edit(string from, string to, string code, SchemaChangeSeverity severity, string? coordinate = null, string? message = null) =>
        new(Pupils, Pupils.Replace(from, to, StringComparison.Ordinal), code, severity, coordinate, message);

    private static readonly Dictionary<string, DiffCase> Rules = new(StringComparer.Ordinal)
    {
        ["type removed"] = new("type Query { a: Int } type School { urn: ID! name: String }", "type Query { a: Int }",
            SchemaChangeCodes.TypeRemoved, SchemaChangeSeverity.Breaking, "School", "Type School is removed: queries that use it will fail."),
        ["type kind changed"] = new("type Query { a: A } type A { x: Int }", "type Query { a: A } interface A { x: Int }",
            SchemaChangeCodes.TypeKindChanged, SchemaChangeSeverity.Breaking, "A", "from object type to interface"),
        ["type added"] = new("type Query { a: Int }", "type Query { a: Int } type Exclusion { id: ID! }",
            SchemaChangeCodes.TypeAdded, SchemaChangeSeverity.Safe, "Exclusion", "Object type Exclusion is added."),
        ["field removed"] = Edit("  attendance: Float!\n", "", SchemaChangeCodes.FieldRemoved, SchemaChangeSeverity.Breaking,
            "Pupil.attendance", "Field Pupil.attendance is removed: queries that ask for it will fail."),
        ["field removed from an interface"] = new("type Query { p: P } interface P { a: Int b: Int }", "type Query { p: P } interface P { a: Int }",
            SchemaChangeCodes.FieldRemoved, SchemaChangeSeverity.Breaking, "P.b"),
        ["field added"] = Edit("  attendance: Float!\n", "  attendance: Float!\n  exclusions: Int\n", SchemaChangeCodes.FieldAdded, SchemaChangeSeverity.Safe, "Pupil.exclusions"),
        ["field made nullable"] = Edit("attendance: Float!", "attendance: Float", SchemaChangeCodes.FieldMadeNullable, SchemaChangeSeverity.Breaking, "Pupil.attendance", "(Float! to Float)"),
        ["field made non-null"] = Edit("  name: String\n  attendance", "  name: String!\n  attendance", SchemaChangeCodes.FieldMadeNonNull, SchemaChangeSeverity.Safe, "Pupil.name"),
        ["field type changed"] = Edit("attendance: Float!", "attendance: String!", SchemaChangeCodes.FieldTypeChanged, SchemaChangeSeverity.Breaking, "Pupil.attendance", "from Float! to String!"),
        ["field type made a list"] = Edit("attendance: Float!", "attendance: [Float!]!", SchemaChangeCodes.FieldTypeChanged, SchemaChangeSeverity.Breaking, null, "from Float! to [Float!]!"),
        ["field type made a nullable list"] = Edit("attendance: Float!", "attendance: [Float]", SchemaChangeCodes.FieldTypeChanged, SchemaChangeSeverity.Breaking, null, "from Float! to [Float]"),
        ["field nullability tightened and loosened at once"] = new("type Query { a: [Int]! }", "type Query { a: [Int!] }", SchemaChangeCodes.FieldTypeChanged, SchemaChangeSeverity.Breaking),
        ["argument removed"] = Edit("school: String, ", "", SchemaChangeCodes.ArgumentRemoved, SchemaChangeSeverity.Breaking,
            "Query.pupils(school:)", "Argument Query.pupils(school:) is removed: queries that pass it will fail."),
        ["required argument added"] = Edit("pupil(id: ID!)", "pupil(id: ID!, la: String!)", SchemaChangeCodes.RequiredArgumentAdded, SchemaChangeSeverity.Breaking, "Query.pupil(la:)"),
        ["optional argument added"] = Edit("pupil(id: ID!)", "pupil(id: ID!, la: String)", SchemaChangeCodes.OptionalArgumentAdded, SchemaChangeSeverity.Safe, "Query.pupil(la:)"),
        ["non-null argument added with a default"] = Edit("pupil(id: ID!)", "pupil(id: ID!, la: String! = \"E09\")", SchemaChangeCodes.OptionalArgumentAdded, SchemaChangeSeverity.Safe, "Query.pupil(la:)"),
        ["argument type changed"] = Edit("pupil(id: ID!)", "pupil(id: Int!)", SchemaChangeCodes.ArgumentTypeChanged, SchemaChangeSeverity.Breaking, "Query.pupil(id:)", "from ID! to Int!"),
        ["argument made non-null"] = Edit("school: String,", "school: String!,", SchemaChangeCodes.ArgumentMadeRequired, SchemaChangeSeverity.Breaking, "Query.pupils(school:)"),
        ["argument made nullable"] = Edit("pupil(id: ID!)", "pupil(id: ID)", SchemaChangeCodes.ArgumentMadeOptional, SchemaChangeSeverity.Safe, "Query.pupil(id:)"),
        ["argument default changed"] = Edit("limit: Int = 10", "limit: Int = 20", SchemaChangeCodes.ArgumentDefaultChanged, SchemaChangeSeverity.Dangerous, "Query.pupils(limit:)", "instead of 10"),
        ["argument default dropped"] = Edit("limit: Int = 10", "limit: Int", SchemaChangeCodes.ArgumentDefaultChanged, SchemaChangeSeverity.Dangerous, "Query.pupils(limit:)", "instead of 10"),
        ["required input field added"] = Edit("  yearGroup: Int\n", "  yearGroup: Int\n  la: String!\n", SchemaChangeCodes.RequiredInputFieldAdded, SchemaChangeSeverity.Breaking, "PupilFilter.la"),
        ["optional input field added"] = Edit("  yearGroup: Int\n", "  yearGroup: Int\n  la: String\n", SchemaChangeCodes.OptionalInputFieldAdded, SchemaChangeSeverity.Dangerous, "PupilFilter.la"),
        ["input field removed"] = Edit("  yearGroup: Int\n", "", SchemaChangeCodes.InputFieldRemoved, SchemaChangeSeverity.Breaking, "PupilFilter.yearGroup"),
        ["input field type changed"] = Edit("yearGroup: Int", "yearGroup: String", SchemaChangeCodes.InputFieldTypeChanged, SchemaChangeSeverity.Breaking, "PupilFilter.yearGroup"),
        ["input field made non-null"] = Edit("yearGroup: Int", "yearGroup: Int!", SchemaChangeCodes.InputFieldMadeRequired, SchemaChangeSeverity.Breaking, "PupilFilter.yearGroup"),
        ["input field made nullable"] = new("type Query { a(f: F): Int } input F { x: Int! }", "type Query { a(f: F): Int } input F { x: Int }",
            SchemaChangeCodes.InputFieldMadeOptional, SchemaChangeSeverity.Safe, "F.x"),
        ["input field default changed"] = Edit("status: Status = ON_ROLL", "status: Status = LEFT", SchemaChangeCodes.InputFieldDefaultChanged, SchemaChangeSeverity.Dangerous, "PupilFilter.status", "LEFT instead of ON_ROLL"),
        ["enum value removed"] = Edit("  LEFT\n", "", SchemaChangeCodes.EnumValueRemoved, SchemaChangeSeverity.Breaking, "Status.LEFT"),
        ["enum value added"] = Edit("  LEFT\n", "  LEFT\n  EXCLUDED\n", SchemaChangeCodes.EnumValueAdded, SchemaChangeSeverity.Dangerous, "Status.EXCLUDED", "clients that do not expect it"),
        ["union member removed"] = Edit("= Pupil | School", "= Pupil", SchemaChangeCodes.UnionMemberRemoved, SchemaChangeSeverity.Breaking, "SearchResult", "Type School is removed from union SearchResult"),
        ["interface removed from an object type"] = Edit("type Pupil implements Person {", "type Pupil {", SchemaChangeCodes.InterfaceRemoved, SchemaChangeSeverity.Breaking, "Pupil", "no longer implements Person"),
        ["interface added to an object type"] = new("type Query { a: A } interface I { x: Int } type A { x: Int }", "type Query { a: A } interface I { x: Int } type A implements I { x: Int }",
            SchemaChangeCodes.InterfaceAdded, SchemaChangeSeverity.Dangerous, "A"),
        ["root type changed"] = new("schema { query: Query } type Query { a: Int } type Root { a: Int }", "schema { query: Root } type Query { a: Int } type Root { a: Int }",
            SchemaChangeCodes.RootTypeChanged, SchemaChangeSeverity.Breaking, null, "query root type changes from Query to Root"),
    };

    public static TheoryData<string> RuleNames() => new(Rules.Keys);

    /// <summary>Each rule on the smallest pair of schemas that shows it: exactly one change, its code, severity, coordinate and words.</summary>
    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Rule_FindsExactlyThatChange(string rule)
    {
        var expected = Rules[rule];

        var report = ApiSchemaDiff.Compare(expected.Before, expected.After);

        var change = Assert.Single(report.Changes);
        Assert.Equal(expected.Code, change.Code);
        Assert.Equal(expected.Severity, change.Severity);
        Assert.Equal(expected.Severity == SchemaChangeSeverity.Breaking, report.IsBreaking);
        if (expected.Coordinate is not null)
        {
            Assert.Equal(expected.Coordinate, change.Coordinate);
        }

        if (expected.Message is not null)
        {
            Assert.Contains(expected.Message, change.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnionMemberAdded_IsDangerous()
    {
        var after = Pupils.Replace("= Pupil | School", "= Pupil | School | Setting") + "\ntype Setting { urn: ID! }\n";
        var report = ApiSchemaDiff.Compare(Pupils, after);

        var change = Assert.Single(report.Changes, c => c.Code == SchemaChangeCodes.UnionMemberAdded);
        Assert.Equal(SchemaChangeSeverity.Dangerous, change.Severity);
        Assert.Equal(2, report.Changes.Length); // and the new type itself
        Assert.False(report.IsBreaking);
    }



    [Fact]
    public void Report_SortsBreakingFirstThenByCoordinate_AndDescribesOneLinePerChange()
    {
        var after = Pupils
            .Replace("  LEFT\n", "  LEFT\n  EXCLUDED\n")            // dangerous
            .Replace("  attendance: Float!\n", "  zeta: Int\n")       // breaking removal, safe addition
            .Replace("pupil(id: ID!)", "pupil(id: Int!)");            // breaking change

        var report = ApiSchemaDiff.Compare(Pupils, after);

        Assert.True(report.IsBreaking);
        Assert.Equal(
            [
                ("Pupil.attendance", SchemaChangeCodes.FieldRemoved),
                ("Query.pupil(id:)", SchemaChangeCodes.ArgumentTypeChanged),
                ("Status.EXCLUDED", SchemaChangeCodes.EnumValueAdded),
                ("Pupil.zeta", SchemaChangeCodes.FieldAdded),
            ],
            report.Changes.Select(c => (c.Coordinate, c.Code)));
        var lines = report.Describe().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("- BREAKING  Field Pupil.attendance is removed", lines[0]);
        Assert.StartsWith("~ BREAKING  Argument Query.pupil(id:)", lines[1]);
        Assert.StartsWith("+ DANGEROUS Enum value Status.EXCLUDED", lines[2]);
        Assert.StartsWith("+ SAFE      Field Pupil.zeta", lines[3]);
        Assert.Equal(report.Describe(), ApiSchemaDiff.Compare(Pupils, after).Describe());
    }

    [Fact]
    public void Compare_InvalidSdl_SaysWhichSchema()
    {
        var error = Assert.Throws<ArgumentException>(() => ApiSchemaDiff.Compare(Pupils, "type Query {"));

        Assert.Contains("after API schema", error.Message);
    }
}
