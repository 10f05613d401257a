using System.Security.Cryptography;
using System.Text;
using Homeward.BuildingBlocks.Infrastructure.Privacy;
using Homeward.SharedKernel.Privacy;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Tests.Privacy;

public sealed class PersonalDataProtectorTests
{
    private static readonly string OldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_protected_value_holds_no_plaintext_and_reveals_the_original()
    {
        using var protector = Protector("k1", ("k1", OldKey));

        var value = protector.Protect(PersonalDataKind.NationalId, "11010519491231002X");

        Assert.DoesNotContain("11010519491231002X", Encoding.UTF8.GetString(value.Ciphertext), StringComparison.Ordinal);
        Assert.Equal("110105********002X", value.Masked);
        Assert.Equal("11010519491231002X", protector.Reveal(PersonalDataKind.NationalId, value));
    }

    [Fact]
    public void Encrypting_twice_gives_different_ciphertexts_but_the_same_lookup_hash()
    {
        using var protector = Protector("k1", ("k1", OldKey));

        var first = protector.Protect(PersonalDataKind.Phone, "13812345678");
        var second = protector.Protect(PersonalDataKind.Phone, "13812345678");

        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
        Assert.Equal(first.LookupHash, second.LookupHash);
        Assert.Equal(first.LookupHash, protector.LookupHash(PersonalDataKind.Phone, "13812345678"));
    }

    [Fact]
    public void Values_encrypted_with_a_retired_key_stay_readable_after_rotation()
    {
        using var original = Protector("k1", ("k1", OldKey));
        var before = original.Protect(PersonalDataKind.NationalId, "11010519491231002X");
        using var rotated = Protector("k2", ("k1", OldKey), ("k2", NewKey));

        var after = rotated.Protect(PersonalDataKind.NationalId, "11010519491231002X");

        Assert.Equal("11010519491231002X", rotated.Reveal(PersonalDataKind.NationalId, before));
        Assert.Equal("11010519491231002X", rotated.Reveal(PersonalDataKind.NationalId, after));
        Assert.Equal(before.LookupHash, after.LookupHash);
    }

    [Fact]
    public void A_ciphertext_moved_to_a_field_of_another_kind_does_not_decrypt()
    {
        using var protector = Protector("k1", ("k1", OldKey));
        var phone = protector.Protect(PersonalDataKind.Phone, "13812345678");

        Assert.ThrowsAny<CryptographicException>(() => protector.Reveal(PersonalDataKind.NationalId, phone));
        Assert.NotEqual(phone.LookupHash, protector.LookupHash(PersonalDataKind.NationalId, "13812345678"));
    }

    [Fact]
    public void A_tampered_ciphertext_is_detected()
    {
        using var protector = Protector("k1", ("k1", OldKey));
        var value = protector.Protect(PersonalDataKind.Phone, "13812345678");
        var tampered = value with { Ciphertext = [.. value.Ciphertext[..^1], (byte)(value.Ciphertext[^1] ^ 1)] };

        Assert.ThrowsAny<CryptographicException>(() => protector.Reveal(PersonalDataKind.Phone, tampered));
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_key_that_is_not_32_bytes_of_base64_stops_the_service_at_start(string key)
    {
        Assert.Throws<InvalidOperationException>(() => Protector("k1", ("k1", key)));
    }

    [Fact]
    public void Values_protected_on_many_threads_at_once_reveal_and_index_as_on_one()
    {
        using var protector = Protector("k1", ("k1", OldKey));
        var numbers = Enumerable.Range(0, 2_000).Select(i => $"138{i:D8}").ToArray();
        var hashedAlone = numbers.Select(n => HMACSHA256.HashData(LookupKeyFor(PersonalDataKind.Phone), Encoding.UTF8.GetBytes(n))).ToArray();

        var protectedAtOnce = new ProtectedValue[numbers.Length];
        Parallel.For(0, numbers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            protectedAtOnce[i] = protector.Protect(PersonalDataKind.Phone, numbers[i]));
        var revealedAtOnce = new string[numbers.Length];
        Parallel.For(0, numbers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            revealedAtOnce[i] = protector.Reveal(PersonalDataKind.Phone, protectedAtOnce[i]));

        Assert.Equal(numbers, revealedAtOnce);
        Assert.Equal(hashedAlone, protectedAtOnce.Select(v => v.LookupHash));
    }

    [Fact]
    public void An_active_key_id_that_names_no_key_stops_the_service_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => Protector("missing", ("k1", OldKey)));
    }

    /// <summary>The blind index key of a kind, derived as the protector documents it.</summary>
    private static byte[] LookupKeyFor(PersonalDataKind kind) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(LookupKey), 32, info: Encoding.ASCII.GetBytes($"homeward-lookup:{kind}"));

    private static AesGcmPersonalDataProtector Protector(string activeKeyId, params (string Id, string Key)[] keys) =>
        new(Options.Create(new PersonalDataOptions
        {
            ActiveKeyId = activeKeyId,
            Keys = keys.ToDictionary(k => k.Id, k => k.Key),
            LookupKey = LookupKey,
        }));
}
