namespace ChildInfo.Federation.Composition.Printing;

/// <summary>The definitions of the join, link, inaccessible and tag specifications a supergraph carries.</summary>
internal static class SupergraphDefinitions
{
    public const string Inaccessible =
        "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n\n";

    public const string Tag =
        "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA\n\n";

    public static string Join(bool overrideLabels) =>
        "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE\n\n"
        + "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean"
        + (overrideLabels ? ", overrideLabel: String" : string.Empty) + ") repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION\n\n"
        + "directive @join__graph(name: String!, url: String!) on ENUM_VALUE\n\n"
        + "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE\n\n"
        + "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR\n\n"
        + "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION\n\n"
        + "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA\n\n"
        + "scalar join__FieldSet\n\n"
        + "scalar link__Import\n\n"
        + "enum link__Purpose {\n  \"`SECURITY` features provide metadata necessary to securely resolve fields.\"\n  SECURITY\n\n"
        + "  \"`EXECUTION` features provide metadata necessary for operation execution.\"\n  EXECUTION\n}\n\n";
}
