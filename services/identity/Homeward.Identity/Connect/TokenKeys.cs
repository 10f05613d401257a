using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Homeward.Identity.Connect;

/// <summary>Loads the persistent RSA keys that sign tokens and encrypt authorization codes.</summary>
public static class TokenKeys
{
    /// <summary>An RSA key from PEM, with a key id derived from its public part so that it stays the same across restarts.</summary>
    public static RsaSecurityKey FromPem(string pem, string setting)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException exception)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{setting} is not an RSA private key in PEM form.", exception);
        }

        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException($"{setting} is a {rsa.KeySize}-bit key; at least 2048 bits are needed.");
        }

        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint()) };
    }
}
