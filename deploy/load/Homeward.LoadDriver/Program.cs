using System.Globalization;
using Homeward.LoadDriver;

const string Usage =
    """
    usage: Homeward.LoadDriver propagation --rate <events/s> --duration <s> [options]

    Registers workers at a fixed rate (open loop) and measures, per event, commit in Registry → effect in JobMatching:
    jobmatching.inbox_messages.received_at − registry.outbox_messages.occurred_at (joined on message id = outbox id).

      --mode http|outbox      http (default): POST /api/registry/v1/workers directly to the registry, the real use case.
                              outbox: insert WorkerRegistered rows into registry.outbox_messages over the registry
                              role in small transactions, to measure the event pipeline alone (see docs/benchmarks.md).
      --warmup <s>            load at the same rate before measuring, not counted (default 5)
      --grace <s>             how long to wait for the last effects after the load before counting events lost (default 30)
      --registry <url>        registry base address for http mode (default http://127.0.0.1:5101/)
      --max-connections <n>   http mode: connections to the registry (default 256)
      --writers <n>           outbox mode: concurrent writer connections (default 8)
      --max-batch <n>         outbox mode: most events one transaction carries (default 10)
      --consumer <name>       inbox consumer name (default WorkerRegisteredConsumer)
      --keep-data             outbox mode: keep the synthetic candidates in JobMatching (default: delete them)

    Connections (environment, or options): HOMEWARD_LOAD_ADMIN_CONNECTION / --admin-connection (PostgreSQL superuser,
    reads both schemas), HOMEWARD_LOAD_REGISTRY_CONNECTION / --registry-connection (outbox mode: the registry role),
    HOMEWARD_LOAD_TOKEN / --token (optional bearer token for the registry).

    usage: Homeward.LoadDriver seed-registry --workers <n> [--samples <n> --sample-file <path>]

    Fills registry.workers to <n> synthetic workers by COPY, encrypted and blind-indexed with the registry's keys
    (HOMEWARD_PERSONAL_DATA_KEY, HOMEWARD_PERSONAL_DATA_LOOKUP_KEY), into the database of HOMEWARD_LOAD_ADMIN_CONNECTION,
    and writes id, name and national ID number of random workers to the sample file for the read scenarios.

    usage: Homeward.LoadDriver seed-job-matching --vacancies <n> --candidates <n> [--vacancies-per-employer 10]

    Fills jobmatching.vacancies to <n> open vacancies (with their employers and a contact each) and
    jobmatching.candidates to <n> registered candidates by COPY, into the database of HOMEWARD_LOAD_ADMIN_CONNECTION;
    contact phones are encrypted with HOMEWARD_PERSONAL_DATA_KEY and HOMEWARD_PERSONAL_DATA_LOOKUP_KEY.

    usage: Homeward.LoadDriver seed-subsidy --workers <n>

    Fills subsidy.workers to <n> registered workers (return dates, statuses, completed trainings; 15% founded a business
    in subsidy.businesses) by COPY, into the database of HOMEWARD_LOAD_ADMIN_CONNECTION.

    usage: Homeward.LoadDriver applications --api <url> --policy <id> --rate <requests/s> --duration <s> [--warmup 5] [--max-connections 256]

    Subsidy applications at a fixed rate of HTTP requests (open loop), a round trip of three requests at a time: a draft
    for a worker without an application of the policy (workers read from HOMEWARD_LOAD_ADMIN_CONNECTION), its submission
    with the draft's ETag, and a read of it. <url> is the subsidy API, e.g. http://127.0.0.1:5050/api/subsidy/v1/;
    HOMEWARD_LOAD_TOKEN is the bearer token (a case worker of the workers' division). Prints requests_per_second, then
    p50/p90/p99/max of draft, submit and read, and the failures by request and status.

    usage: Homeward.LoadDriver get --url <url> --rate <requests/s> --duration <s> [--warmup 5] [--max-connections 256]
                                   [--body <file>]

    GETs <url> at a fixed, evenly spaced rate (open loop; HOMEWARD_LOAD_TOKEN as bearer token when set) and prints
    requests_per_second, p50_ms, p90_ms, p99_ms, max_ms and failed, one per line; latency counts from the due time.
    With --body, each request POSTs the file's JSON instead (a search); anything but 200 counts as failed.

    usage: Homeward.LoadDriver publish-worker-registered --events <n> --broker <amqp uri> [--in-flight 500]

    Publishes <n> synthetic WorkerRegistered events (Homeward.Contracts, with facts) through MassTransit.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "seed-registry")
{
    try
    {
        return await RegistrySeeder.RunAsync(ParseSeed(args.AsSpan(1)), Console.Out, CancellationToken.None);
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
        return 2;
    }
}

if (args[0] == "seed-subsidy")
{
    try
    {
        var values = OptionValues(args.AsSpan(1));
        return values.Keys.Except(["--workers"]).FirstOrDefault() is { } unknown
            ? throw new ArgumentException($"unknown option {unknown}")
            : await SubsidySeeder.RunAsync(
                new SubsidySeedOptions(Count(values, "--workers", null) is > 0 and var workers ? workers : throw new ArgumentException("--workers is positive"), Setting("HOMEWARD_LOAD_ADMIN_CONNECTION")),
                Console.Out,
                CancellationToken.None);
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
        return 2;
    }
}

if (args[0] is "seed-job-matching" or "publish-worker-registered")
{
    try
    {
        var values = OptionValues(args.AsSpan(1));
        return args[0] == "seed-job-matching"
            ? await JobMatchingSeeder.RunAsync(
                new JobMatchingSeedOptions(
                    Count(values, "--vacancies", null),
                    Count(values, "--candidates", null),
                    Count(values, "--vacancies-per-employer", 10) is > 0 and var perEmployer ? perEmployer : throw new ArgumentException("--vacancies-per-employer is positive"),
                    Setting("HOMEWARD_LOAD_ADMIN_CONNECTION"),
                    Setting("HOMEWARD_PERSONAL_DATA_KEY"),
                    Setting("HOMEWARD_PERSONAL_DATA_LOOKUP_KEY")),
                Console.Out,
                CancellationToken.None)
            : await WorkerRegisteredPublisher.RunAsync(
                new PublishOptions(
                    Count(values, "--events", null),
                    Uri.TryCreate(values.GetValueOrDefault("--broker"), UriKind.Absolute, out var broker) && broker.Scheme == "amqp"
                        ? broker
                        : throw new ArgumentException("--broker is an amqp:// URI"),
                    Count(values, "--in-flight", 500) is > 0 and var inFlight ? inFlight : throw new ArgumentException("--in-flight is positive")),
                Console.Out,
                CancellationToken.None);
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
        return 2;
    }
}

if (args[0] == "applications")
{
    try
    {
        var values = OptionValues(args.AsSpan(1));
        var unknown = values.Keys.Except(["--api", "--policy", "--rate", "--duration", "--warmup", "--max-connections"]).FirstOrDefault();
        return unknown is not null
            ? throw new ArgumentException($"unknown option {unknown}")
            : await ApplicationRoundTrips.RunAsync(
                new ApplicationRoundTripOptions(
                    Uri.TryCreate(EnsureTrailingSlash(values.GetValueOrDefault("--api") ?? string.Empty), UriKind.Absolute, out var api) ? api : throw new ArgumentException("--api is an absolute URL"),
                    Guid.TryParse(values.GetValueOrDefault("--policy"), out var policy) ? policy : throw new ArgumentException("--policy is a policy id"),
                    Number(values, "--rate", null),
                    Number(values, "--duration", null),
                    Number(values, "--warmup", 5, 0),
                    (int)Number(values, "--max-connections", 256),
                    NullIfEmpty(Environment.GetEnvironmentVariable("HOMEWARD_LOAD_TOKEN")) ?? throw new ArgumentException("HOMEWARD_LOAD_TOKEN is not set"),
                    Setting("HOMEWARD_LOAD_ADMIN_CONNECTION")),
                Console.Out,
                CancellationToken.None);
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
        return 2;
    }
}

if (args[0] == "get")
{
    try
    {
        var values = OptionValues(args.AsSpan(1));
        var unknown = values.Keys.Except(["--url", "--rate", "--duration", "--warmup", "--max-connections", "--body"]).FirstOrDefault();
        return unknown is not null
            ? throw new ArgumentException($"unknown option {unknown}")
            : await FixedRateReads.RunAsync(
                new FixedRateReadOptions(
                    Uri.TryCreate(values.GetValueOrDefault("--url"), UriKind.Absolute, out var url) ? url : throw new ArgumentException("--url is an absolute URL"),
                    Number(values, "--rate", null),
                    Number(values, "--duration", null),
                    Number(values, "--warmup", 5, 0),
                    (int)Number(values, "--max-connections", 256),
                    NullIfEmpty(Environment.GetEnvironmentVariable("HOMEWARD_LOAD_TOKEN")),
                    values.GetValueOrDefault("--body") is { } body ? await File.ReadAllBytesAsync(body) : null),
                Console.Out,
                CancellationToken.None);
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
        return 2;
    }
}

if (args[0] != "propagation")
{
    Console.Error.WriteLine($"unknown scenario '{args[0]}'\n\n{Usage}");
    return 2;
}

try
{
    var options = ParsePropagation(args.AsSpan(1));
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    return await PropagationScenario.RunAsync(options, Console.Out, cancellation.Token);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
    return 2;
}

static PropagationOptions ParsePropagation(ReadOnlySpan<string> args)
{
    var values = new Dictionary<string, string>(StringComparer.Ordinal);
    var flags = new HashSet<string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
    {
        var name = args[i];
        if (name is "--keep-data")
        {
            flags.Add(name);
            continue;
        }

        if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"expected '--option value', got '{name}'");
        }

        values[name] = args[++i];
    }

    string? Take(string name)
    {
        var found = values.Remove(name, out var value);
        return found ? value : null;
    }

    double Number(string name, double? fallback, double min)
    {
        var text = Take(name);
        if (text is null)
        {
            return fallback ?? throw new ArgumentException($"{name} is required");
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{name} must be a number ≥ {min}, got '{text}'");
    }

    var mode = Take("--mode") ?? "http";
    var options = new PropagationOptions(
        Rate: Number("--rate", null, 0.1),
        DurationSeconds: Number("--duration", null, 1),
        WarmupSeconds: Number("--warmup", 5, 0),
        GraceSeconds: Number("--grace", 30, 1),
        Mode: mode switch
        {
            "http" => LoadMode.Http,
            "outbox" => LoadMode.Outbox,
            _ => throw new ArgumentException($"--mode is http or outbox, got '{mode}'"),
        },
        Registry: new Uri(EnsureTrailingSlash(Take("--registry") ?? "http://127.0.0.1:5101/")),
        MaxConnections: (int)Number("--max-connections", 256, 1),
        Writers: (int)Number("--writers", 8, 1),
        MaxBatch: (int)Number("--max-batch", 10, 1),
        Consumer: Take("--consumer") ?? "WorkerRegisteredConsumer",
        AdminConnection: Take("--admin-connection") ?? Environment.GetEnvironmentVariable("HOMEWARD_LOAD_ADMIN_CONNECTION")
            ?? throw new ArgumentException("the superuser connection is needed: HOMEWARD_LOAD_ADMIN_CONNECTION or --admin-connection"),
        RegistryConnection: Take("--registry-connection") ?? Environment.GetEnvironmentVariable("HOMEWARD_LOAD_REGISTRY_CONNECTION"),
        BearerToken: Take("--token") ?? NullIfEmpty(Environment.GetEnvironmentVariable("HOMEWARD_LOAD_TOKEN")),
        KeepData: flags.Contains("--keep-data"));

    if (values.Count > 0)
    {
        throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys)}");
    }

    if (options.Mode == LoadMode.Outbox && options.RegistryConnection is null)
    {
        throw new ArgumentException("outbox mode needs the registry role's connection: HOMEWARD_LOAD_REGISTRY_CONNECTION or --registry-connection");
    }

    return options;
}

static SeedOptions ParseSeed(ReadOnlySpan<string> args)
{
    var values = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        values[args[i]] = args[i + 1];
    }

    int Count(string name, int fallback) =>
        values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"{name} is a whole number, got '{text}'")
            : fallback;

    string Setting(string variable) =>
        NullIfEmpty(Environment.GetEnvironmentVariable(variable)) ?? throw new ArgumentException($"{variable} is not set");

    if (args.Length % 2 != 0 || values.Keys.Except(["--workers", "--samples", "--sample-file"]).FirstOrDefault() is { } unknown)
    {
        throw new ArgumentException($"expected --workers, --samples and --sample-file with a value each, got '{string.Join(' ', args.ToArray())}'");
    }

    return new SeedOptions(
        Count("--workers", -1) is > 0 and var workers ? workers : throw new ArgumentException("--workers is required"),
        Setting("HOMEWARD_LOAD_ADMIN_CONNECTION"),
        Setting("HOMEWARD_PERSONAL_DATA_KEY"),
        Setting("HOMEWARD_PERSONAL_DATA_LOOKUP_KEY"),
        Count("--samples", 0),
        values.GetValueOrDefault("--sample-file"));
}

static Dictionary<string, string> OptionValues(ReadOnlySpan<string> args)
{
    var values = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"expected '--option value', got '{args[i]}'");
        }

        values[args[i]] = args[i + 1];
    }

    return values;
}

static int Count(Dictionary<string, string> values, string name, int? fallback) =>
    values.TryGetValue(name, out var text)
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"{name} is a whole number, got '{text}'")
        : fallback ?? throw new ArgumentException($"{name} is required");

static double Number(Dictionary<string, string> values, string name, double? fallback, double min = double.Epsilon) =>
    values.TryGetValue(name, out var text)
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min ? value : throw new ArgumentException($"{name} is a number ≥ {min}, got '{text}'")
        : fallback ?? throw new ArgumentException($"{name} is required");

static string Setting(string variable) =>
    NullIfEmpty(Environment.GetEnvironmentVariable(variable)) ?? throw new ArgumentException($"{variable} is not set");

static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";

static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
