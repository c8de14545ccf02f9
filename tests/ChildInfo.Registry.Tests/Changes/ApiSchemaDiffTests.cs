namespace ChildInfo.Registry.Tests.Changes;

/// <summary>One test per diff rule, each on the smallest pair of API schemas that shows it.</summary>
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

    [Fact]
    public void TypeRemoved_IsBreaking_AndItsFieldsAreNotListedAgain()
    {
        var change = Single("type Query { a: Int } type School { urn: ID! name: String }", "type Query { a: Int }", SchemaChangeCodes.TypeRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("School", change.Coordinate);
        Assert.Equal("Type School is removed: queries that use it will fail.", change.Message);
    }

    [Fact]
    public void TypeKindChanged_IsBreaking()
    {
        var change = Single("type Query { a: A } type A { x: Int }", "type Query { a: A } interface A { x: Int }", SchemaChangeCodes.TypeKindChanged);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("A", change.Coordinate);
        Assert.Contains("from object type to interface", change.Message);
    }

    [Fact]
    public void TypeAdded_IsSafe()
    {
        var change = Single("type Query { a: Int }", "type Query { a: Int } type Exclusion { id: ID! }", SchemaChangeCodes.TypeAdded);

        Assert.Equal(SchemaChangeSeverity.Safe, change.Severity);
        Assert.Equal("Object type Exclusion is added.", change.Message);
    }

    [Fact]
    public void FieldRemoved_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("  attendance: Float!\n", ""), SchemaChangeCodes.FieldRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Pupil.attendance", change.Coordinate);
        Assert.Equal("Field Pupil.attendance is removed: queries that ask for it will fail.", change.Message);
    }

    [Fact]
    public void FieldRemovedFromInterface_IsBreaking()
    {
        var change = Single("type Query { p: P } interface P { a: Int b: Int }", "type Query { p: P } interface P { a: Int }", SchemaChangeCodes.FieldRemoved);

        Assert.Equal("P.b", change.Coordinate);
        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
    }

    [Fact]
    public void FieldAdded_IsSafe()
    {
        var change = Single(Pupils, Pupils.Replace("  attendance: Float!\n", "  attendance: Float!\n  exclusions: Int\n"), SchemaChangeCodes.FieldAdded);

        Assert.Equal(SchemaChangeSeverity.Safe, change.Severity);
        Assert.Equal("Pupil.exclusions", change.Coordinate);
    }

    [Fact]
    public void FieldMadeNullable_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("attendance: Float!", "attendance: Float"), SchemaChangeCodes.FieldMadeNullable);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Contains("(Float! to Float)", change.Message);
    }

    [Fact]
    public void FieldMadeNonNull_IsSafe()
    {
        var change = Single(Pupils, Pupils.Replace("  name: String\n  attendance", "  name: String!\n  attendance"), SchemaChangeCodes.FieldMadeNonNull);

        Assert.Equal(SchemaChangeSeverity.Safe, change.Severity);
        Assert.Equal("Pupil.name", change.Coordinate);
    }

    [Theory]
    [InlineData("Float!", "String!")]
    [InlineData("Float!", "[Float!]!")]
    [InlineData("Float!", "[Float]")]
    public void FieldTypeChanged_ToAnotherTypeOrListShape_IsBreaking(string from, string to)
    {
        var change = Single(Pupils, Pupils.Replace($"attendance: {from}", $"attendance: {to}"), SchemaChangeCodes.FieldTypeChanged);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Contains($"from {from} to {to}", change.Message);
    }

    [Fact]
    public void FieldType_NullabilityTightenedAndLoosenedAtOnce_IsBreaking()
    {
        var change = Single("type Query { a: [Int]! }", "type Query { a: [Int!] }", SchemaChangeCodes.FieldTypeChanged);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
    }

    [Fact]
    public void ArgumentRemoved_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("school: String, ", ""), SchemaChangeCodes.ArgumentRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Query.pupils(school:)", change.Coordinate);
        Assert.Equal("Argument Query.pupils(school:) is removed: queries that pass it will fail.", change.Message);
    }

    [Fact]
    public void RequiredArgumentAdded_WithNoDefault_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("pupil(id: ID!)", "pupil(id: ID!, la: String!)"), SchemaChangeCodes.RequiredArgumentAdded);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Query.pupil(la:)", change.Coordinate);
    }

    [Theory]
    [InlineData("la: String")]
    [InlineData("la: String! = \"E09\"")]
    public void OptionalArgumentAdded_IsSafe(string argument)
    {
        var change = Single(Pupils, Pupils.Replace("pupil(id: ID!)", $"pupil(id: ID!, {argument})"), SchemaChangeCodes.OptionalArgumentAdded);

        Assert.Equal(SchemaChangeSeverity.Safe, change.Severity);
        Assert.Equal("Query.pupil(la:)", change.Coordinate);
    }

    [Fact]
    public void ArgumentTypeChanged_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("pupil(id: ID!)", "pupil(id: Int!)"), SchemaChangeCodes.ArgumentTypeChanged);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Query.pupil(id:)", change.Coordinate);
        Assert.Contains("from ID! to Int!", change.Message);
    }

    [Fact]
    public void ArgumentMadeNonNull_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("school: String,", "school: String!,"), SchemaChangeCodes.ArgumentMadeRequired);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Query.pupils(school:)", change.Coordinate);
    }

    [Fact]
    public void ArgumentMadeNullable_IsSafe()
    {
        var change = Single(Pupils, Pupils.Replace("pupil(id: ID!)", "pupil(id: ID)"), SchemaChangeCodes.ArgumentMadeOptional);

        Assert.Equal(SchemaChangeSeverity.Safe, change.Severity);
    }

    [Theory]
    [InlineData("limit: Int = 20")]
    [InlineData("limit: Int")]
    public void ArgumentDefaultChanged_IsDangerous(string argument)
    {
        var change = Single(Pupils, Pupils.Replace("limit: Int = 10", argument), SchemaChangeCodes.ArgumentDefaultChanged);

        Assert.Equal(SchemaChangeSeverity.Dangerous, change.Severity);
        Assert.Equal("Query.pupils(limit:)", change.Coordinate);
        Assert.Contains("instead of 10", change.Message);
    }

    [Fact]
    public void RequiredInputFieldAdded_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("  yearGroup: Int\n", "  yearGroup: Int\n  la: String!\n"), SchemaChangeCodes.RequiredInputFieldAdded);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("PupilFilter.la", change.Coordinate);
    }

    [Fact]
    public void OptionalInputFieldAdded_IsDangerous()
    {
        var change = Single(Pupils, Pupils.Replace("  yearGroup: Int\n", "  yearGroup: Int\n  la: String\n"), SchemaChangeCodes.OptionalInputFieldAdded);

        Assert.Equal(SchemaChangeSeverity.Dangerous, change.Severity);
        Assert.Equal("PupilFilter.la", change.Coordinate);
    }

    [Fact]
    public void InputFieldRemoved_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("  yearGroup: Int\n", ""), SchemaChangeCodes.InputFieldRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("PupilFilter.yearGroup", change.Coordinate);
    }

    [Fact]
    public void InputFieldTypeChanged_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("yearGroup: Int", "yearGroup: String"), SchemaChangeCodes.InputFieldTypeChanged);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
    }

    [Fact]
    public void InputFieldMadeNonNull_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("yearGroup: Int", "yearGroup: Int!"), SchemaChangeCodes.InputFieldMadeRequired);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("PupilFilter.yearGroup", change.Coordinate);
    }

    [Fact]
    public void InputFieldMadeNullable_IsSafe()
    {
        var change = Single("type Query { a(f: F): Int } input F { x: Int! }", "type Query { a(f: F): Int } input F { x: Int }", SchemaChangeCodes.InputFieldMadeOptional);

        Assert.Equal(SchemaChangeSeverity.Safe, change.Severity);
    }

    [Fact]
    public void InputFieldDefaultChanged_IsDangerous()
    {
        var change = Single(Pupils, Pupils.Replace("status: Status = ON_ROLL", "status: Status = LEFT"), SchemaChangeCodes.InputFieldDefaultChanged);

        Assert.Equal(SchemaChangeSeverity.Dangerous, change.Severity);
        Assert.Contains("LEFT instead of ON_ROLL", change.Message);
    }

    [Fact]
    public void EnumValueRemoved_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("  LEFT\n", ""), SchemaChangeCodes.EnumValueRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Status.LEFT", change.Coordinate);
    }

    [Fact]
    public void EnumValueAdded_IsDangerous()
    {
        var change = Single(Pupils, Pupils.Replace("  LEFT\n", "  LEFT\n  EXCLUDED\n"), SchemaChangeCodes.EnumValueAdded);

        Assert.Equal(SchemaChangeSeverity.Dangerous, change.Severity);
        Assert.Equal("Status.EXCLUDED", change.Coordinate);
        Assert.Contains("clients that do not expect it", change.Message);
    }

    [Fact]
    public void UnionMemberRemoved_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("= Pupil | School", "= Pupil"), SchemaChangeCodes.UnionMemberRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("SearchResult", change.Coordinate);
        Assert.Contains("Type School is removed from union SearchResult", change.Message);
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
    public void InterfaceRemovedFromObjectType_IsBreaking()
    {
        var change = Single(Pupils, Pupils.Replace("type Pupil implements Person {", "type Pupil {"), SchemaChangeCodes.InterfaceRemoved);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Equal("Pupil", change.Coordinate);
        Assert.Contains("no longer implements Person", change.Message);
    }

    [Fact]
    public void InterfaceAddedToObjectType_IsDangerous()
    {
        var change = Single("type Query { a: A } interface I { x: Int } type A { x: Int }", "type Query { a: A } interface I { x: Int } type A implements I { x: Int }", SchemaChangeCodes.InterfaceAdded);

        Assert.Equal(SchemaChangeSeverity.Dangerous, change.Severity);
    }

    [Fact]
    public void RootTypeRenamed_IsBreaking()
    {
        var before = "schema { query: Query } type Query { a: Int } type Root { a: Int }";
        var after = "schema { query: Root } type Query { a: Int } type Root { a: Int }";

        var change = Single(before, after, SchemaChangeCodes.RootTypeChanged);

        Assert.Equal(SchemaChangeSeverity.Breaking, change.Severity);
        Assert.Contains("query root type changes from Query to Root", change.Message);
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

    private static SchemaChange Single(string before, string after, string code)
    {
        var report = ApiSchemaDiff.Compare(before, after);
        var change = Assert.Single(report.Changes);
        Assert.Equal(code, change.Code);
        Assert.Equal(change.Severity == SchemaChangeSeverity.Breaking, report.IsBreaking);
        return change;
    }
}
