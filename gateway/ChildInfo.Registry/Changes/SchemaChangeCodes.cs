namespace ChildInfo.Registry;

/// <summary>The stable codes of <see cref="SchemaChange"/>s, in one place so the admin API and tools can rely on them.</summary>
public static class SchemaChangeCodes
{
    public const string TypeRemoved = "TYPE_REMOVED";
    public const string TypeAdded = "TYPE_ADDED";
    public const string TypeKindChanged = "TYPE_KIND_CHANGED";
    public const string RootTypeChanged = "ROOT_TYPE_CHANGED";

    public const string FieldRemoved = "FIELD_REMOVED";
    public const string FieldAdded = "FIELD_ADDED";
    public const string FieldTypeChanged = "FIELD_TYPE_CHANGED";
    public const string FieldMadeNullable = "FIELD_MADE_NULLABLE";
    public const string FieldMadeNonNull = "FIELD_MADE_NON_NULL";

    public const string ArgumentRemoved = "ARGUMENT_REMOVED";
    public const string RequiredArgumentAdded = "REQUIRED_ARGUMENT_ADDED";
    public const string OptionalArgumentAdded = "OPTIONAL_ARGUMENT_ADDED";
    public const string ArgumentTypeChanged = "ARGUMENT_TYPE_CHANGED";
    public const string ArgumentMadeRequired = "ARGUMENT_MADE_REQUIRED";
    public const string ArgumentMadeOptional = "ARGUMENT_MADE_OPTIONAL";
    public const string ArgumentDefaultChanged = "ARGUMENT_DEFAULT_CHANGED";

    public const string InputFieldRemoved = "INPUT_FIELD_REMOVED";
    public const string RequiredInputFieldAdded = "REQUIRED_INPUT_FIELD_ADDED";
    public const string OptionalInputFieldAdded = "OPTIONAL_INPUT_FIELD_ADDED";
    public const string InputFieldTypeChanged = "INPUT_FIELD_TYPE_CHANGED";
    public const string InputFieldMadeRequired = "INPUT_FIELD_MADE_REQUIRED";
    public const string InputFieldMadeOptional = "INPUT_FIELD_MADE_OPTIONAL";
    public const string InputFieldDefaultChanged = "INPUT_FIELD_DEFAULT_CHANGED";

    public const string EnumValueRemoved = "ENUM_VALUE_REMOVED";
    public const string EnumValueAdded = "ENUM_VALUE_ADDED";

    public const string UnionMemberRemoved = "UNION_MEMBER_REMOVED";
    public const string UnionMemberAdded = "UNION_MEMBER_ADDED";

    public const string InterfaceRemoved = "INTERFACE_REMOVED";
    public const string InterfaceAdded = "INTERFACE_ADDED";
}
