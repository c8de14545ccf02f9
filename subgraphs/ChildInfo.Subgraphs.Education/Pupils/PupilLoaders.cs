using ChildInfo.Subgraphs.Education.Attendance;
using ChildInfo.Subgraphs.Education.Enrolments;
using ChildInfo.Subgraphs.Education.Exclusions;
using ChildInfo.Subgraphs.Education.Fsm;
using ChildInfo.Subgraphs.Education.Preferences;
using ChildInfo.Subgraphs.Education.Sen;
using ChildInfo.Subgraphs.Education.Voice;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.Education.Pupils;

/// <summary>The request's batch loaders for a pupil and everything hanging off them, one SQL query per kind.</summary>
internal static class PupilLoaders
{
    public static IDataLoaderResult<PupilRecord> Pupil(IResolveFieldContext c, string upn) =>
        c.Loaders().Get<string, PupilRecord>("education.pupil", c.Service<PupilRepository>().GetManyAsync).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<EnrolmentRecord>> Enrolments(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, EnrolmentRecord>("education.enrolments", c.Service<EnrolmentRepository>().GetForPupilsAsync, r => r.Upn).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<AttendanceTermRecord>> AttendanceTerms(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, AttendanceTermRecord>("education.attendanceTerms", c.Service<AttendanceRepository>().GetTermsAsync, r => r.Upn).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<AttendanceYearRecord>> AttendanceYears(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, AttendanceYearRecord>("education.attendanceYears", c.Service<AttendanceRepository>().GetYearsAsync, r => r.Upn).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<ExclusionRecord>> Exclusions(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, ExclusionRecord>("education.exclusions", c.Service<ExclusionRepository>().GetForPupilsAsync, r => r.Upn).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<SenTypeRecord>> SenTypes(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, SenTypeRecord>("education.senTypes", c.Service<SenRepository>().GetForPupilsAsync, r => r.Upn).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<FsmPeriodRecord>> FsmPeriods(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, FsmPeriodRecord>("education.fsmPeriods", c.Service<FsmRepository>().GetForPupilsAsync, r => r.Upn).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<ChildVoice>> Voice(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, ChildVoice>("education.voice", c.Service<PupilVoiceRepository>().GetForPupilsAsync, r => r.OwnerId).Load(upn);

    public static IDataLoaderResult<IReadOnlyList<DataUsePreference>> Preferences(IResolveFieldContext c, string upn) =>
        c.Loaders().GetMany<string, DataUsePreference>("education.preferences", c.Service<PupilPreferenceRepository>().GetForPupilsAsync, r => r.OwnerId).Load(upn);
}
