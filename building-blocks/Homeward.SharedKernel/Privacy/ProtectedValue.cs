namespace Homeward.SharedKernel.Privacy;

/// <summary>
/// A personal data value as it is stored: the AES-GCM <see cref="Ciphertext"/> (key id, nonce and tag included), the
/// keyed <see cref="LookupHash"/> (HMAC) that finds the record by exact value and enforces uniqueness without
/// decrypting, and the <see cref="Masked"/> form every response shows.
/// </summary>
public sealed record ProtectedValue(byte[] Ciphertext, byte[] LookupHash, string Masked)
{
    public override string ToString() => Masked;
}
