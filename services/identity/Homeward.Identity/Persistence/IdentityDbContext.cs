using Homeward.BuildingBlocks.Infrastructure.Persistence;
using Homeward.Identity.Staff;
using Microsoft.EntityFrameworkCore;

namespace Homeward.Identity.Persistence;

/// <summary>Staff accounts and OpenIddict's applications, authorizations, scopes and tokens, in schema identity.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ServiceDbContext(options, Schema)
{
    public new const string Schema = "identity";

    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service.</summary>
internal sealed class IdentityDesignTimeDbContextFactory()
    : DesignTimeDbContextFactory<IdentityDbContext>(IdentityDbContext.Schema, options => new IdentityDbContext(options));
