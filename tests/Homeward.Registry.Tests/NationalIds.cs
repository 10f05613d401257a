using Homeward.SharedKernel.Identity;

namespace Homeward.Registry.Tests;

/// <summary>Valid, unique national ID numbers for tests, with birth dates in the 1970s–1990s and a sample-city region.</summary>
public static class NationalIds
{
    private static int _sequence = Random.Shared.Next(0, 500_000);

    public static string Next(string region = "419921")
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1970, 1, 1).AddDays(n % 10_000);
        var first17 = $"{region}{birth:yyyyMMdd}{n % 1000:D3}";
        return first17 + NationalId.ComputeCheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheckCharacter(string valid) =>
        valid[..17] + (valid[17] == '0' ? '1' : '0');
}
