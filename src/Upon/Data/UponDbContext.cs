using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data.Mappings;
using Upon.Register;

namespace Upon.Data;

/// <summary>
/// The platform's database. Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteUponDbContext"/>, <see cref="PostgresUponDbContext"/>); code depends on this base type.
/// </summary>
public class UponDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<AuthorityGssCode> AuthorityGssCodes => Set<AuthorityGssCode>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Appointment> Appointments => Set<Appointment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UponDbContext).Assembly, t => t.Namespace == typeof(RegisterMappings).Namespace);
}

public sealed class SqliteUponDbContext(DbContextOptions<SqliteUponDbContext> options) : UponDbContext(options);

public sealed class PostgresUponDbContext(DbContextOptions<PostgresUponDbContext> options) : UponDbContext(options);
