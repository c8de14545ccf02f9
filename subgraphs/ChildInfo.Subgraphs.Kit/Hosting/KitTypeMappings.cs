using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>Maps the Kit's shared CLR types to their graph types for expression-based fields.</summary>
internal sealed class KitTypeMappings : IGraphTypeMappingProvider
{
    public Type? GetGraphTypeFromClrType(Type clrType, bool isInputType, Type? preferredType) =>
        isInputType ? preferredType : clrType == typeof(ChildVoice) ? typeof(ChildVoiceGraphType)
            : clrType == typeof(DataUsePreference) ? typeof(DataUsePreferenceGraphType)
            : clrType == typeof(DateOnly) ? typeof(DateScalar)
            : preferredType;
}
