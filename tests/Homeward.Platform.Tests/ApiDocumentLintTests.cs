using Xunit.Abstractions;

namespace Homeward.Platform.Tests;

public sealed class ApiDocumentLintTests(ApiDocuments documents, ITestOutputHelper output) : IClassFixture<ApiDocuments>
{
    public static TheoryData<string> Services => new(ApiDocuments.Services);

    /// <summary>
    /// Errors fail; warnings are listed in the test output, so they stay visible without blocking. A rule that
    /// does not apply to Homeward is switched off in the ruleset with the reason beside it, never here.
    /// </summary>
    [Theory]
    [MemberData(nameof(Services))]
    public void The_openapi_document_passes_the_owasp_api_security_rules(string service)
    {
        Assert.True(documents.Failure.Length == 0, documents.Failure);
        var findings = documents.FindingsOf(service).ToList();
        foreach (var finding in findings.Where(finding => finding.Severity != "error"))
        {
            output.WriteLine(finding.ToString());
        }

        Assert.Empty(findings.Where(finding => finding.Severity == "error").Select(finding => finding.ToString()));
    }
}
