using GraphQL.Types;

namespace ChildInfo.Gateway.Analytics.Schema;

/// <summary>An aggregate question: a cohort, up to two groupings and a measure.</summary>
public sealed class CohortQuestionInputType : InputObjectGraphType
{
    public CohortQuestionInputType()
    {
        Name = "CohortQuestionInput";
        Description = "An aggregate question: children in the population as at a date who meet a condition, grouped by up to two dimensions, with a measure. It names conditions, never a child.";
        Field<NonNullGraphType<DateOnlyGraphType>>("asAt").Description("The date the population and the child index's dimensions are taken at: the first day of a month.");
        Field<CohortConditionInputType>("condition").Description("Who is in the cohort; everyone in the population when left out.");
        Field<ListGraphType<NonNullGraphType<CohortDimensionInputType>>>("groupBy").Description("Up to two dimensions to group by; none gives one row.");
        Field<CohortMeasureInputType>("measure").Description("What is computed per group besides the number of children; CHILDREN when left out.");
    }
}

/// <summary>One node of a cohort's condition tree: exactly one of its fields.</summary>
public sealed class CohortConditionInputType : InputObjectGraphType
{
    public CohortConditionInputType()
    {
        Name = "CohortConditionInput";
        Description = "Exactly one of: all (every condition holds), any (at least one holds), not (the population without those who meet it), fact (an agency's fact).";
        Field<ListGraphType<NonNullGraphType<CohortConditionInputType>>>("all");
        Field<ListGraphType<NonNullGraphType<CohortConditionInputType>>>("any");
        Field<CohortConditionInputType>("not");
        Field<CohortFactInputType>("fact");
    }
}

/// <summary>A leaf: children with a record of an agency that meets one of its facts in one window.</summary>
public sealed class CohortFactInputType : InputObjectGraphType
{
    public CohortFactInputType()
    {
        Name = "CohortFactInput";
        Description = "Children with a record of the agency that meets the fact (with the value, if given): as at a date (asAt), during a period (from and to), or timeless (no dates), as the fact's window says (see cohortCatalogue).";
        Field<NonNullGraphType<StringGraphType>>("agency").Description("The agency, as cohortCatalogue names it: education, social-care...");
        Field<NonNullGraphType<StringGraphType>>("fact").Description("The fact's name, as cohortCatalogue lists it: cp_plan, persistently_absent...");
        Field<StringGraphType>("value").Description("One of the fact's values, to narrow it (a category of abuse, a need code).");
        WindowFields(this);
    }

    /// <summary>The window fields every input with an agency fact has.</summary>
    internal static void WindowFields(InputObjectGraphType type)
    {
        type.Field<DateOnlyGraphType>("asAt").Description("For an AS_AT fact: the first day of a month.");
        type.Field<DateOnlyGraphType>("from").Description("For a DURING fact: the first day of a month.");
        type.Field<DateOnlyGraphType>("to").Description("For a DURING fact: the last day of a month, at most five years after from.");
    }
}

/// <summary>A grouping: a child index dimension, or an agency's dimension fact.</summary>
public sealed class CohortDimensionInputType : InputObjectGraphType
{
    public CohortDimensionInputType()
    {
        Name = "CohortDimensionInput";
        Description = "Either index (a child index dimension: age_band, sex, ethnicity_group, ward, lsoa, idaci_decile) or agency and fact (an agency's DIMENSION fact, with its window).";
        Field<StringGraphType>("index");
        Field<StringGraphType>("agency");
        Field<StringGraphType>("fact");
        CohortFactInputType.WindowFields(this);
    }
}

/// <summary>The measure: children, or a statistic of an agency's measure or events fact.</summary>
public sealed class CohortMeasureInputType : InputObjectGraphType
{
    public CohortMeasureInputType()
    {
        Name = "CohortMeasureInput";
        Description = "CHILDREN alone, or EVENTS (an EVENTS fact), MEAN or MEDIAN (a MEASURE fact) with the agency, fact and window. A statistic is published only over at least 10 children.";
        Field<NonNullGraphType<CohortMeasureKindType>>("kind");
        Field<StringGraphType>("agency");
        Field<StringGraphType>("fact");
        CohortFactInputType.WindowFields(this);
    }
}

public sealed class CohortMeasureKindType : EnumerationGraphType<ChildInfo.Analytics.Questions.CohortMeasureKind>
{
    public CohortMeasureKindType()
    {
        Name = "CohortMeasureKind";
        Description = "CHILDREN: the number of children. EVENTS: events per child (a child with none counts 0). MEAN, MEDIAN: of a measure over the children who have a value.";
    }
}
