namespace Homeward.JobMatching.Domain.Common;

/// <summary>Highest completed education, in order, as the registry records it; a higher level meets a lower minimum.</summary>
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
