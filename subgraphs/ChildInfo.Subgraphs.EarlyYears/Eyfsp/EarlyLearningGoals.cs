namespace ChildInfo.Subgraphs.EarlyYears.Eyfsp;

/// <summary>
/// The 17 early learning goals of the EYFS profile (2021 framework), in return order. A good level of development
/// is the expected level in the 12 goals of communication and language, PSED, physical development, literacy and
/// mathematics (the first twelve).
/// </summary>
public static class EarlyLearningGoals
{
    public const int Emerging = 1;
    public const int Expected = 2;

    public static readonly IReadOnlyList<EarlyLearningGoal> All =
    [
        new("FSP_COM_E01", "Communication and language", "Listening, attention and understanding", true),
        new("FSP_COM_E02", "Communication and language", "Speaking", true),
        new("FSP_PSE_E03", "Personal, social and emotional development", "Self-regulation", true),
        new("FSP_PSE_E04", "Personal, social and emotional development", "Managing self", true),
        new("FSP_PSE_E05", "Personal, social and emotional development", "Building relationships", true),
        new("FSP_PHY_E06", "Physical development", "Gross motor skills", true),
        new("FSP_PHY_E07", "Physical development", "Fine motor skills", true),
        new("FSP_LIT_E08", "Literacy", "Comprehension", true),
        new("FSP_LIT_E09", "Literacy", "Word reading", true),
        new("FSP_LIT_E10", "Literacy", "Writing", true),
        new("FSP_MAT_E11", "Mathematics", "Number", true),
        new("FSP_MAT_E12", "Mathematics", "Numerical patterns", true),
        new("FSP_UTW_E13", "Understanding the world", "Past and present", false),
        new("FSP_UTW_E14", "Understanding the world", "People, culture and communities", false),
        new("FSP_UTW_E15", "Understanding the world", "The natural world", false),
        new("FSP_EXP_E16", "Expressive arts and design", "Creating with materials", false),
        new("FSP_EXP_E17", "Expressive arts and design", "Being imaginative and expressive", false),
    ];

    /// <summary>SQL that is 1 when every GLD goal is at the expected level, else 0.</summary>
    public static string GoodLevelOfDevelopmentSql { get; } =
        "CASE WHEN " + string.Join(" AND ", All.Where(g => g.CountsTowardsGld).Select(g => g.Code + " = " + Expected)) + " THEN 1 ELSE 0 END";
}
