namespace Homeward.SharedKernel.Divisions;

/// <summary>The provincial-level two-digit prefixes of GB/T 2260, which change far more rarely than counties.</summary>
public static class Provinces
{
    private static readonly bool[] Known = BuildTable(
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
        71, 81, 82);

    public static bool IsKnown(ReadOnlySpan<char> twoDigitCode) =>
        twoDigitCode.Length == 2
        && char.IsAsciiDigit(twoDigitCode[0])
        && char.IsAsciiDigit(twoDigitCode[1])
        && Known[((twoDigitCode[0] - '0') * 10) + (twoDigitCode[1] - '0')];

    private static bool[] BuildTable(params int[] codes)
    {
        var table = new bool[100];
        foreach (var code in codes)
        {
            table[code] = true;
        }

        return table;
    }
}
