namespace Homeward.Identity.Tests;

/// <summary>Outside Development the service never signs tokens with keys it made up at start.</summary>
public sealed class StartupTests
{
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Database=unused;Username=unused;Password=unused";

    [Fact]
    public async Task Outside_Development_the_service_refuses_to_start_without_keys_and_says_which_settings_are_missing()
    {
        var message = await StartupFailureAsync(signingKey: null, encryptionKey: null);

        Assert.Contains("Identity:SigningKey", message, StringComparison.Ordinal);
        Assert.Contains("Identity:EncryptionKey", message, StringComparison.Ordinal);
        Assert.Contains("outside Development", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_service_refuses_to_start_with_only_one_of_the_two_keys()
    {
        var message = await StartupFailureAsync(signingKey: IdentityService.NewKeyPem(), encryptionKey: null);

        Assert.Contains("Identity:SigningKey", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_that_is_not_an_RSA_private_key_in_PEM_is_refused_naming_the_setting()
    {
        var message = await StartupFailureAsync(signingKey: "not a key", encryptionKey: IdentityService.NewKeyPem());

        Assert.Contains("Identity:SigningKey is not an RSA private key in PEM form", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_2048_bits_is_refused()
    {
        using var weak = System.Security.Cryptography.RSA.Create(1024);

        var message = await StartupFailureAsync(signingKey: weak.ExportRSAPrivateKeyPem(), encryptionKey: IdentityService.NewKeyPem());

        Assert.Contains("Identity:SigningKey is a 1024-bit key", message, StringComparison.Ordinal);
    }

    /// <summary>Starts the service as in production and returns the messages of the exception that stopped it.</summary>
    private static async Task<string> StartupFailureAsync(string? signingKey, string? encryptionKey)
    {
        var settings = IdentityService.SettingsFor(UnusedDatabase, signingKey, encryptionKey);
        settings["Database:MigrateOnStartup"] = "false";
        await using var factory = new IdentityFactory(settings, environment: "Production");

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" | ", messages);
    }
}
