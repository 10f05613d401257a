extern alias identity;
extern alias jobmatching;
extern alias registry;
extern alias subsidy;
extern alias training;

using System.Security.Cryptography;
using System.Text.Json;
using Homeward.Testing;

namespace Homeward.Platform.Tests;

/// <summary>One finding of Spectral in a service's OpenAPI document.</summary>
public sealed record LintFinding(string Service, string Rule, string Severity, string Path, string Message)
{
    public override string ToString() => $"{Service}: {Severity} {Rule} at {Path}: {Message}";
}

/// <summary>
/// Every service's OpenAPI document, exactly as the service serves it (and the gateway forwards it), linted once by
/// Spectral with the repository's ruleset (tools/lint/.spectral.yaml: the OpenAPI rules and the OWASP API security
/// rules). Each service is hosted in this process against its own schema just long enough to serve its document.
/// </summary>
public sealed class ApiDocuments : IAsyncLifetime
{
    public static readonly IReadOnlyList<string> Services = ["registry", "job-matching", "subsidy", "training", "identity"];

    /// <summary>HOMEWARD_OPENAPI_OUTPUT keeps the documents and Spectral's report in that folder, to read or lint them by hand.</summary>
    private readonly string? _keptFolder = Environment.GetEnvironmentVariable("HOMEWARD_OPENAPI_OUTPUT");
    private readonly string _folder;

    public ApiDocuments()
    {
        _folder = string.IsNullOrWhiteSpace(_keptFolder)
            ? Path.Combine(Path.GetTempPath(), $"homeward-openapi-{Guid.NewGuid():N}")
            : Path.GetFullPath(_keptFolder);
    }

    public IReadOnlyList<LintFinding> Findings { get; private set; } = [];

    /// <summary>Spectral's own output when it could not lint (a broken ruleset or document), empty otherwise.</summary>
    public string Failure { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var database = await TestDatabase.CreateAsync("registry", "jobmatching", "subsidy", "training", "identity");
        await using var virtualHost = await TestVirtualHost.CreateAsync();
        var tokens = await TestTokenIssuer.GetAsync();
        Dictionary<string, string?> SettingsOf(string connection, string schema)
        {
            var settings = ServiceSettings.For(connection, database.ConnectionStringFor(schema), virtualHost.AmqpUri);
            foreach (var (key, value) in tokens.Settings())
            {
                settings[key] = value;
            }

            return settings;
        }

        using var signingKey = RSA.Create(2048);
        using var encryptionKey = RSA.Create(2048);
        var identitySettings = SettingsOf("Identity", "identity");
        identitySettings["Identity:Issuer"] = TestTokenIssuer.Issuer;
        identitySettings["Identity:SigningKey"] = signingKey.ExportRSAPrivateKeyPem();
        identitySettings["Identity:EncryptionKey"] = encryptionKey.ExportRSAPrivateKeyPem();

        await Task.WhenAll(
            SaveDocumentAsync<registry::Program>("registry", SettingsOf("Registry", "registry")),
            SaveDocumentAsync<jobmatching::Program>("job-matching", SettingsOf("JobMatching", "jobmatching")),
            SaveDocumentAsync<subsidy::Program>("subsidy", SettingsOf("Subsidy", "subsidy")),
            SaveDocumentAsync<training::Program>("training", SettingsOf("Training", "training")),
            SaveDocumentAsync<identity::Program>("identity", identitySettings));

        var report = Path.Combine(_folder, "report.json");
        var (exitCode, output) = await LintTools.RunAsync(
            "node_modules/.bin/spectral",
            ["lint", .. Services.Select(DocumentPath), "--ruleset", Path.Combine(LintTools.Folder, ".spectral.yaml"), "--format", "json", "--output", report, "--quiet"]);
        if (!File.Exists(report) || exitCode > 1)
        {
            Failure = $"spectral exited with {exitCode}: {output}";
            return;
        }

        Findings = ReadFindings(report);
    }

    public IEnumerable<LintFinding> FindingsOf(string service) => Findings.Where(finding => finding.Service == service);

    public Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_keptFolder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string DocumentPath(string service) => Path.Combine(_folder, $"{service}.json");

    private async Task SaveDocumentAsync<TEntryPoint>(string service, Dictionary<string, string?> settings)
        where TEntryPoint : class
    {
        await using var factory = new ServiceFactory<TEntryPoint>(settings);
        using var client = factory.CreateClient();
        await File.WriteAllTextAsync(DocumentPath(service), await client.GetStringAsync("/swagger/v1/swagger.json"));
    }

    private List<LintFinding> ReadFindings(string report)
    {
        using var results = JsonDocument.Parse(File.ReadAllText(report));
        return results.RootElement.EnumerateArray().Select(result => new LintFinding(
            Path.GetFileNameWithoutExtension(result.GetProperty("source").GetString()!),
            result.GetProperty("code").GetString()!,
            result.GetProperty("severity").GetInt32() switch { 0 => "error", 1 => "warning", 2 => "information", _ => "hint" },
            string.Join('.', result.GetProperty("path").EnumerateArray().Select(segment => segment.ToString())),
            result.GetProperty("message").GetString()!)).ToList();
    }
}
