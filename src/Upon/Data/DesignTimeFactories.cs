using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Upon.Data;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteUponDbContext</c> build the context without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUponDbContext>
{
    public SqliteUponDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteUponDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__ef_migrations")).Options);
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresUponDbContext</c> build the context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUponDbContext>
{
    public PostgresUponDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresUponDbContext>()
            .UseNpgsql("Host=localhost;Database=upon_design", o => o.MigrationsHistoryTable("__ef_migrations")).Options);
}
