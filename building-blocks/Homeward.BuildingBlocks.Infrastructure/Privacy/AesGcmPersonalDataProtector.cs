using System.Security.Cryptography;
using System.Text;
using Homeward.BuildingBlocks.Application.Privacy;
using Homeward.SharedKernel.Privacy;
using Microsoft.Extensions.Options;

namespace Homeward.BuildingBlocks.Infrastructure.Privacy;

/// <summary>
/// AES-256-GCM encryption with versioned keys and an HMAC-SHA256 blind index per kind of data.
/// Ciphertext layout: format (1 byte) · key id length (1) · key id (ASCII) · nonce (12) · tag (16) · ciphertext.
/// The kind is the associated data, so a ciphertext moved to a field of another kind fails to decrypt.
/// </summary>
/// <remarks>
/// Each thread keeps its own cipher per key and HMAC per kind: setting up an OpenSSL context for every value was a
/// tenth of a bulk import's CPU (100,000 rows encrypt and blind-index two values each). Neither is safe to share
/// between threads; one thread uses its own one value at a time.
/// </remarks>
public sealed class AesGcmPersonalDataProtector : IPersonalDataProtector, IDisposable
{
    private const byte Format = 1;
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The kind as associated data of its ciphertexts.</summary>
    private static readonly Dictionary<PersonalDataKind, byte[]> AssociatedData =
        Enum.GetValues<PersonalDataKind>().ToDictionary(kind => kind, kind => Encoding.ASCII.GetBytes($"homeward:{kind}"));

    private readonly string _activeKeyId;
    private readonly byte[] _activeKeyIdBytes;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly Dictionary<PersonalDataKind, byte[]> _lookupKeys;
    private readonly ThreadLocal<Dictionary<string, AesGcm>> _ciphers = new(() => new(StringComparer.Ordinal), trackAllValues: true);
    private readonly ThreadLocal<Dictionary<PersonalDataKind, IncrementalHash>> _lookupHashes = new(() => [], trackAllValues: true);

    public AesGcmPersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var settings = options.Value;
        _keys = settings.Keys.ToDictionary(pair => pair.Key, pair => DecodeKey($"PersonalData:Keys:{pair.Key}", pair.Value), StringComparer.Ordinal);
        if (!_keys.ContainsKey(settings.ActiveKeyId))
        {
            throw new InvalidOperationException("PersonalData:ActiveKeyId must name one of PersonalData:Keys.");
        }

        if (settings.ActiveKeyId.Length is 0 or > 32 || !settings.ActiveKeyId.All(char.IsAscii))
        {
            throw new InvalidOperationException("PersonalData:ActiveKeyId is 1 to 32 ASCII characters.");
        }

        _activeKeyId = settings.ActiveKeyId;
        _activeKeyIdBytes = Encoding.ASCII.GetBytes(_activeKeyId);
        var lookupKey = DecodeKey("PersonalData:LookupKey", settings.LookupKey);
        _lookupKeys = Enum.GetValues<PersonalDataKind>().ToDictionary(
            kind => kind,
            kind => HKDF.DeriveKey(HashAlgorithmName.SHA256, lookupKey, KeySize, info: Encoding.ASCII.GetBytes($"homeward-lookup:{kind}")));
    }

    public ProtectedValue Protect(PersonalDataKind kind, string value) =>
        new(Encrypt(kind, value), LookupHash(kind, value), PersonalDataMasks.Mask(kind, value));

    public byte[] LookupHash(PersonalDataKind kind, string value)
    {
        var hash = OfThisThread(_lookupHashes, kind, k => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _lookupKeys[k]));
        hash.AppendData(Encoding.UTF8.GetBytes(value));
        return hash.GetHashAndReset();
    }

    public string Reveal(PersonalDataKind kind, ProtectedValue value)
    {
        var data = value.Ciphertext.AsSpan();
        if (data.Length < 2 + NonceSize + TagSize || data[0] != Format)
        {
            throw new CryptographicException("The value is not in a ciphertext format this service knows.");
        }

        var keyIdLength = data[1];
        var keyId = Encoding.ASCII.GetString(data.Slice(2, keyIdLength));
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Key '{keyId}' that encrypted the value is no longer configured.");
        }

        var rest = data[(2 + keyIdLength)..];
        var plaintext = new byte[rest.Length - NonceSize - TagSize];
        OfThisThread(_ciphers, keyId, _ => new AesGcm(key, TagSize))
            .Decrypt(rest[..NonceSize], rest[(NonceSize + TagSize)..], rest.Slice(NonceSize, TagSize), plaintext, AssociatedData[kind]);
        return Encoding.UTF8.GetString(plaintext);
    }

    private byte[] Encrypt(PersonalDataKind kind, string value)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var keyId = _activeKeyIdBytes;
        var output = new byte[2 + keyId.Length + NonceSize + TagSize + plaintext.Length];
        output[0] = Format;
        output[1] = (byte)keyId.Length;
        keyId.CopyTo(output.AsSpan(2));
        var rest = output.AsSpan(2 + keyId.Length);
        var nonce = rest[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        OfThisThread(_ciphers, _activeKeyId, id => new AesGcm(_keys[id], TagSize))
            .Encrypt(nonce, plaintext, rest[(NonceSize + TagSize)..], rest.Slice(NonceSize, TagSize), AssociatedData[kind]);
        return output;
    }

    public void Dispose()
    {
        foreach (var cipher in _ciphers.Values.SelectMany(ciphers => ciphers.Values))
        {
            cipher.Dispose();
        }

        foreach (var hash in _lookupHashes.Values.SelectMany(hashes => hashes.Values))
        {
            hash.Dispose();
        }

        _ciphers.Dispose();
        _lookupHashes.Dispose();
    }

    /// <summary>This thread's instance for the key, created on its first use here.</summary>
    private static TValue OfThisThread<TKey, TValue>(ThreadLocal<Dictionary<TKey, TValue>> perThread, TKey key, Func<TKey, TValue> create)
        where TKey : notnull
    {
        var instances = perThread.Value!;
        if (!instances.TryGetValue(key, out var instance))
        {
            instance = create(key);
            instances.Add(key, instance);
        }

        return instance;
    }

    private static byte[] DecodeKey(string setting, string base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length == KeySize ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} must be {KeySize} random bytes in base64.");
        }
    }
}
