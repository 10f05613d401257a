namespace Homeward.SharedKernel.Identity;

public enum NationalIdError
{
    None = 0,
    Empty,
    Length,
    Characters,
    Region,
    BirthDate,
    BirthDateInFuture,
    CheckCharacter,
}

public static class NationalIdErrorDescriptions
{
    public static string Describe(this NationalIdError error) => error switch
    {
        NationalIdError.Empty => "A national ID number is required.",
        NationalIdError.Length => "A national ID number has 18 characters.",
        NationalIdError.Characters => "A national ID number is 17 digits followed by a digit or X.",
        NationalIdError.Region => "The first six digits are not a known region code.",
        NationalIdError.BirthDate => "Characters 7 to 14 are not a real birth date.",
        NationalIdError.BirthDateInFuture => "The birth date in the number lies in the future.",
        NationalIdError.CheckCharacter => "The check character does not match the number.",
        _ => "The national ID number is valid.",
    };
}
