using Homeward.Testing;

namespace Homeward.Platform.Tests;

public sealed class KubernetesManifestTests
{
    /// <summary>
    /// deploy/k8s against the Kubernetes API schemas and the deployment's own rules (probes, resources, autoscaling,
    /// a Service for every Deployment, a migration Job for every service with a database, placeholder secrets only,
    /// every process of deploy/local/services.tsv deployed): tools/lint/validate-k8s.mjs.
    /// </summary>
    [Fact]
    public async Task The_kubernetes_manifests_are_valid_and_deploy_every_process()
    {
        var root = ServiceProcess.RepositoryRoot();

        var (exitCode, output) = await LintTools.RunAsync(
            "validate-k8s.mjs",
            Path.Combine(root, "deploy", "k8s"),
            Path.Combine(root, "deploy", "local", "services.tsv"));

        Assert.True(exitCode == 0, output);
    }
}
