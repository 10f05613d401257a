namespace Homeward.Testing;

/// <summary>Configuration of a service under test: its own database role and virtual host, test keys, fast polling.</summary>
public static class ServiceSettings
{
    /// <summary>Fixed keys for tests only; local mode and deployments generate or inject their own.</summary>
    public const string PersonalDataKey = "dGVzdC1vbmx5LWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=";

    public const string PersonalDataLookupKey = "dGVzdC1vbmx5LWxvb2t1cC1rZXktMzItYnl0ZXMtbG8=";

    public static Dictionary<string, string?> For(string connectionName, string connectionString, Uri rabbitMq) => new()
    {
        [$"ConnectionStrings:{connectionName}"] = connectionString,
        ["ConnectionStrings:RabbitMq"] = rabbitMq.ToString(),
        ["Database:MigrateOnStartup"] = "true",
        ["PersonalData:ActiveKeyId"] = "test-1",
        ["PersonalData:Keys:test-1"] = PersonalDataKey,
        ["PersonalData:LookupKey"] = PersonalDataLookupKey,
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Outbox:MinRetryDelay"] = "00:00:00.100",
        ["Outbox:MaxRetryDelay"] = "00:00:01",
        ["Outbox:PublishTimeout"] = "00:00:03",
        ["Messaging:RetryLimit"] = "2",
        ["Messaging:RetryMinInterval"] = "00:00:00.050",
        ["Messaging:RetryMaxInterval"] = "00:00:00.200",
        // Figures change within a test and are read again at once; the cache has tests of its own.
        ["Figures:CacheDuration"] = "00:00:00",
        // The registry's import rehearsal at start-up costs seconds of CPU per host; it has tests of its own.
        ["Registry:Imports:RehearsalRows"] = "0",
    };
}
