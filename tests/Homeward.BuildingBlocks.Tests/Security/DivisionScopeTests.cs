using Homeward.BuildingBlocks.Application.Security;
using Homeward.SharedKernel.Divisions;
using Homeward.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Homeward.BuildingBlocks.Tests.Security;

/// <summary>
/// How the division filter reaches PostgreSQL: a statement prepared by the connection is planned once for all the
/// values it will be bound to (its generic plan), and that plan must still know how much of the table the caller's
/// division covers. Records of one city, as in a city's register, with the division index every service keeps.
/// </summary>
public sealed class DivisionScopeTests : IAsyncLifetime
{
    private const string Schema = "scoped";
    private static readonly DivisionCode City = DivisionCode.Parse("419900000000");
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Schema);
        await _database.ExecuteAsAdminAsync($"""
            CREATE TABLE {Schema}.records (id uuid PRIMARY KEY, division character(12) NOT NULL);
            CREATE INDEX ix_records_division ON {Schema}.records (division);
            INSERT INTO {Schema}.records
              SELECT gen_random_uuid(),
                     '4199' || lpad((1 + n % 5)::text, 2, '0') || lpad((1 + n / 5 % 10)::text, 3, '0') || lpad((1 + n / 50 % 60)::text, 3, '0')
              FROM generate_series(1, 20000) AS n;
            ANALYZE {Schema}.records;
            """);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_city_wide_office_loading_records_by_id_reads_the_primary_key_even_under_a_generic_plan()
    {
        await using var db = new ScopedRecords(_database.AdminConnectionString);
        var ids = await db.Records.Take(3).Select(r => r.Id).ToListAsync();
        var query = db.Records.WithinDivisionOf(new OfficeOf(City), r => r.Division).Where(r => ids.Contains(r.Id));

        var plan = await GenericPlanAsync(db, query);

        Assert.Contains("records_pkey", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("ix_records_division", plan, StringComparison.Ordinal);
        Assert.Equal(3, await query.CountAsync());
    }

    [Fact]
    public async Task A_village_office_listing_its_records_reads_the_division_index()
    {
        await using var db = new ScopedRecords(_database.AdminConnectionString);
        var village = await db.Records.Select(r => r.Division).FirstAsync();
        var query = db.Records.WithinDivisionOf(new OfficeOf(DivisionCode.Parse(village)), r => r.Division);

        var plan = await GenericPlanAsync(db, query);

        Assert.Contains("ix_records_division", plan, StringComparison.Ordinal);
        Assert.All(await query.Select(r => r.Division).ToListAsync(), division => Assert.Equal(village, division));
    }

    /// <summary>
    /// The plan PostgreSQL executes the statement EF Core sends with, forced to be the generic plan a prepared statement
    /// ends up with; auto_explain hands it back as a notice (loading it takes the administrator's connection).
    /// </summary>
    private static async Task<string> GenericPlanAsync<T>(DbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var plans = new List<string>();
        connection.Notice += (_, notice) => plans.Add(notice.Notice.MessageText);
        await db.Database.ExecuteSqlRawAsync(
            "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_level = notice; SET plan_cache_mode = force_generic_plan");
        await query.ToListAsync();
        await db.Database.ExecuteSqlRawAsync("RESET auto_explain.log_min_duration; RESET plan_cache_mode");
        return Assert.Single(plans);
    }

    private sealed class ScopedRecords(string connectionString) : DbContext
    {
        public DbSet<ScopedRecord> Records => Set<ScopedRecord>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql(connectionString);

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<ScopedRecord>(record =>
            {
                record.ToTable("records", Schema);
                record.Property(r => r.Id).HasColumnName("id");
                record.Property(r => r.Division).HasColumnName("division").HasColumnType("character(12)");
            });
    }

    private sealed class ScopedRecord
    {
        public Guid Id { get; init; }

        public required string Division { get; init; }
    }

    private sealed class OfficeOf(DivisionCode division) : ICurrentUser
    {
        public string Id => "office";

        public string? Name => null;

        public string? ClientId => null;

        public IReadOnlyCollection<string> Roles => [];

        public IReadOnlyCollection<string> Scopes => [];

        public DivisionCode? Division => division;

        public string? PartnerId => null;
    }
}
