namespace Homeward.SharedKernel.Privacy;

/// <summary>
/// The kinds of personal data kept encrypted. The kind is bound into each ciphertext and keys its lookup hash, so
/// a value of one kind can neither be swapped into a field of another nor matched against it.
/// </summary>
public enum PersonalDataKind
{
    NationalId = 1,
    Phone = 2,
    BankAccount = 3,
}
