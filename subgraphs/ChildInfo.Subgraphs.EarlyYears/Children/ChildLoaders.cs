using ChildInfo.Subgraphs.EarlyYears.Eyfsp;
using ChildInfo.Subgraphs.EarlyYears.Funding;
using ChildInfo.Subgraphs.EarlyYears.HealthVisiting;
using ChildInfo.Subgraphs.EarlyYears.Preferences;
using ChildInfo.Subgraphs.EarlyYears.Settings;
using ChildInfo.Subgraphs.EarlyYears.Voice;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.EarlyYears.Children;

/// <summary>The request's batch loaders for a child and everything hanging off them, one SQL query per kind.</summary>
internal static class ChildLoaders
{
    public static IDataLoaderResult<EarlyYearsChildRecord> Child(IResolveFieldContext c, string id) =>
        c.Loaders().Get<string, EarlyYearsChildRecord>("earlyYears.child", c.Service<EarlyYearsChildRepository>().GetManyAsync).Load(id);

    public static IDataLoaderResult<IReadOnlyList<SettingSpellRecord>> Spells(IResolveFieldContext c, string id) =>
        c.Loaders().GetMany<string, SettingSpellRecord>("earlyYears.spells", c.Service<SettingRepository>().GetSpellsAsync, r => r.EyChildId).Load(id);

    public static IDataLoaderResult<IReadOnlyList<FundingRecord>> Funding(IResolveFieldContext c, string id) =>
        c.Loaders().GetMany<string, FundingRecord>("earlyYears.funding", c.Service<FundingRepository>().GetForChildrenAsync, r => r.EyChildId).Load(id);

    public static IDataLoaderResult<IReadOnlyList<EyfspRecord>> Profiles(IResolveFieldContext c, string id) =>
        c.Loaders().GetMany<string, EyfspRecord>("earlyYears.eyfsp", c.Service<EyfspRepository>().GetForChildrenAsync, r => r.EyChildId).Load(id);

    public static IDataLoaderResult<IReadOnlyList<ReviewRecord>> Reviews(IResolveFieldContext c, string id) =>
        c.Loaders().GetMany<string, ReviewRecord>("earlyYears.reviews", c.Service<ReviewRepository>().GetForChildrenAsync, r => r.EyChildId).Load(id);

    public static IDataLoaderResult<IReadOnlyList<ChildVoice>> Voice(IResolveFieldContext c, string id) =>
        c.Loaders().GetMany<string, ChildVoice>("earlyYears.voice", c.Service<ChildVoiceRepository>().GetForChildrenAsync, r => r.OwnerId).Load(id);

    public static IDataLoaderResult<IReadOnlyList<DataUsePreference>> Preferences(IResolveFieldContext c, string id) =>
        c.Loaders().GetMany<string, DataUsePreference>("earlyYears.preferences", c.Service<PreferenceRepository>().GetForChildrenAsync, r => r.OwnerId).Load(id);
}
