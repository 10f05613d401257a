namespace Homeward.Registry.Domain.Workers;

/// <summary>Highest completed education, in order. "Junior high or less" is the speech's 45% group.</summary>
public enum EducationLevel
{
    None = 0,
    Primary = 1,
    JuniorHigh = 2,
    SeniorHigh = 3,
    SecondaryVocational = 4,
    JuniorCollege = 5,
    Bachelor = 6,
    Postgraduate = 7,
}
