using Homeward.SharedKernel.Privacy;

namespace Homeward.BuildingBlocks.Application.Privacy;

/// <summary>Encrypts, indexes and masks personal data; reveals it only to code that deliberately asks.</summary>
public interface IPersonalDataProtector
{
    /// <summary>Encrypts a normalized value with the active key and computes its lookup hash and mask.</summary>
    ProtectedValue Protect(PersonalDataKind kind, string value);

    /// <summary>The lookup hash of a normalized value, to find the record that holds it.</summary>
    byte[] LookupHash(PersonalDataKind kind, string value);

    /// <summary>Decrypts with whichever key encrypted the value. Callers must authorize and audit the reveal.</summary>
    string Reveal(PersonalDataKind kind, ProtectedValue value);
}
