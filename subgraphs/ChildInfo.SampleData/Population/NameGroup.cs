namespace ChildInfo.SampleData.Population;

/// <summary>Naming traditions the synthetic families draw from, so that names fit the family's background.</summary>
internal enum NameGroup
{
    British,
    Irish,
    EasternEuropean,
    Roma,
    SouthAsianMuslim,
    Indian,
    WestAfrican,
    Somali,
    Caribbean,
    Chinese,
    MiddleEastern,
}
