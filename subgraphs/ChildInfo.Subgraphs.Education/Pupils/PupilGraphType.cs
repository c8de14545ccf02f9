using ChildInfo.Subgraphs.Education.Attendance;
using ChildInfo.Subgraphs.Education.Enrolments;
using ChildInfo.Subgraphs.Education.Exclusions;
using ChildInfo.Subgraphs.Education.Fsm;
using ChildInfo.Subgraphs.Education.Sen;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Federation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.Kit.Types;
using GraphQL.Federation;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education.Pupils;

/// <summary>The education subgraph's entity: a pupil, keyed by UPN.</summary>
public sealed class PupilGraphType : ObjectGraphType<PupilRecord>
{
    public PupilGraphType()
    {
        Name = "Pupil";
        Description = "A pupil as the school census holds them, keyed by unique pupil number.";
        this.Key("upn");
        this.ResolveReference<IDictionary<string, object?>, PupilRecord>((c, rep) =>
            EntityScope.Load(c, "pupil", Representations.RequireString(rep, "upn", "Pupil"), PupilScope.DecideAsync, c.Service<PupilRepository>().GetManyAsync));

        Field(p => p.Upn).Description("Unique pupil number: a check letter then 12 characters; a temporary UPN ends in a letter.");
        Field<NonNullGraphType<BooleanGraphType>>("temporaryUpn").Description("The UPN is temporary (ends in a letter).")
            .Resolve(c => c.Source.Upn.Length > 0 && char.IsLetter(c.Source.Upn[^1]));
        Field(p => p.FormerUpn, nullable: true).Description("FormerUPN.");
        Field(p => p.Surname);
        Field(p => p.Forename);
        Field(p => p.MiddleNames, nullable: true);
        Field(p => p.PreferredSurname, nullable: true);
        Field(p => p.FormerSurname, nullable: true);
        Field(p => p.Sex).Description("M, F or U.");
        Field<NonNullGraphType<DateScalar>>("dob").Description("Date of birth (DOB).").Resolve(c => c.Source.Dob);
        Field(p => p.Ethnicity, nullable: true).Description("Census ethnicity code (WBRI, ABAN, BAFR...).");
        Field(p => p.Language, nullable: true).Description("First language code (ENG, POL, URD...).");
        Field<NonNullGraphType<BooleanGraphType>>("fsmEligible").Description("FSMeligible on census day.").Resolve(c => IsYes(c.Source.FsmEligible));
        Field<NonNullGraphType<BooleanGraphType>>("everFsm6").Description("EVERFSM_6: eligible at any point in the last six years.").Resolve(c => IsYes(c.Source.EverFsm6));
        Field(p => p.NcYearActual, nullable: true).Description("National curriculum year: E1 E2 N1 N2 R 1-14.");
        Field<NonNullGraphType<BooleanGraphType>>("serviceChild").Resolve(c => IsYes(c.Source.ServiceChild));
        Field(p => p.SenProvision).Description("E EHC plan, K SEN support, N no SEN.");
        Field(p => p.Postcode, nullable: true);

        Field<StringGraphType>("primarySenType").Description("Rank 1 SEN type.")
            .Resolve(c => PupilLoaders.SenTypes(c, c.Source.Upn).Select(types => TypeRanked(types, 1)));
        Field<StringGraphType>("secondarySenType").Description("Rank 2 SEN type.")
            .Resolve(c => PupilLoaders.SenTypes(c, c.Source.Upn).Select(types => TypeRanked(types, 2)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SenNeedGraphType>>>>("senNeeds")
            .Description("SEN types by rank.").Resolve(c => PupilLoaders.SenTypes(c, c.Source.Upn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FsmPeriodGraphType>>>>("fsmPeriods")
            .Resolve(c => PupilLoaders.FsmPeriods(c, c.Source.Upn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentGraphType>>>>("enrolments")
            .Description("Spells on school rolls, oldest first.").Resolve(c => PupilLoaders.Enrolments(c, c.Source.Upn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceTermGraphType>>>>("attendance")
            .Description("Termly attendance, oldest first.").Resolve(c => PupilLoaders.AttendanceTerms(c, c.Source.Upn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceYearGraphType>>>>("attendanceYears")
            .Description("Attendance totalled by academic year, latest first.").Resolve(c => PupilLoaders.AttendanceYears(c, c.Source.Upn));
        Field<BooleanGraphType>("persistentlyAbsent")
            .Description("Missed at least 10% of possible sessions in the latest academic year held; null when no attendance is held.")
            .Resolve(c => PupilLoaders.AttendanceYears(c, c.Source.Upn).Select(years => years.Count == 0 ? (bool?)null : years[0].PersistentAbsence != 0));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExclusionGraphType>>>>("exclusions")
            .Description("Suspensions and permanent exclusions, latest first.").Resolve(c => PupilLoaders.Exclusions(c, c.Source.Upn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChildVoiceGraphType>>>>("voice")
            .Description("The pupil's own words: school council, learning mentor conversations, pupil surveys. Latest first.")
            .Resolve(c => PupilLoaders.Voice(c, c.Source.Upn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataUsePreferenceGraphType>>>>("dataUsePreferences")
            .Description("The pupil's and family's wishes about how the school's information is used.")
            .Resolve(c => PupilLoaders.Preferences(c, c.Source.Upn));
    }

    private static bool IsYes(string flag) => flag is "Y" or "y" or "1" or "T";

    private static string? TypeRanked(IReadOnlyList<SenTypeRecord> types, int rank)
    {
        foreach (var type in types)
        {
            if (type.Ranking == rank)
            {
                return type.SenType;
            }
        }
        return null;
    }
}
