namespace Homeward.SharedKernel.Tests.Support;

/// <summary>
/// Independent implementations of the two check-character algorithms, written from the standards rather than from
/// the production code, so that the tests do not merely compare the code with itself.
/// </summary>
internal static class CheckCharacters
{
    private static readonly int[] NationalIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string NationalIdMap = "10X98765432";

    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>GB 11643-1999 / ISO 7064 MOD 11-2 over 17 digits.</summary>
    public static char ForNationalId(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * NationalIdWeights[i];
        }

        return NationalIdMap[sum % 11];
    }

    /// <summary>The full 18-character number for the given first 17 digits.</summary>
    public static string NationalId(string first17) => first17 + ForNationalId(first17);

    /// <summary>A character that is a valid check character but not the right one for these 17 digits.</summary>
    public static char WrongNationalIdCheck(string first17)
    {
        var right = ForNationalId(first17);
        return right == '0' ? '1' : '0';
    }

    /// <summary>GB 32100-2015: check = alphabet[(31 - sum % 31) % 31].</summary>
    public static char ForCreditCode(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = CreditCodeAlphabet.IndexOf(first17[i], StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{first17[i]}' is not in the credit-code alphabet.");
            sum += index * CreditCodeWeights[i];
        }

        return CreditCodeAlphabet[(31 - (sum % 31)) % 31];
    }

    public static string CreditCode(string first17) => first17 + ForCreditCode(first17);

    public static char WrongCreditCodeCheck(string first17)
    {
        var right = ForCreditCode(first17);
        return right == '0' ? '1' : '0';
    }
}
