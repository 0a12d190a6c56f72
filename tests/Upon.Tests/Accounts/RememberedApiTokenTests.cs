using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Data;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// A host that records the SQL commands EF Core runs for each request marked with <see cref="Header"/>, by the mark's
/// value, so that a test can count the round trips of one request.
/// </summary>
public abstract class CommandCountingApp(DatabaseProvider provider) : UponApp(provider)
{
    public const string Header = "X-Test-Count-Sql";

    public ConcurrentDictionary<string, ConcurrentQueue<string>> Commands { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureServices(IServiceCollection services)
    {
        void Add(IServiceProvider s, DbContextOptionsBuilder o) =>
            o.AddInterceptors(new Counter(s.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(), Commands));
        if (Provider == DatabaseProvider.Sqlite)
        {
            services.ConfigureDbContext<SqliteUponDbContext>(Add, ServiceLifetime.Singleton);
        }
        else
        {
            services.ConfigureDbContext<PostgresUponDbContext>(Add, ServiceLifetime.Singleton);
        }
    }

    private sealed class Counter(Microsoft.AspNetCore.Http.IHttpContextAccessor http, ConcurrentDictionary<string, ConcurrentQueue<string>> commands) : DbCommandInterceptor
    {
        private void Record(DbCommand command)
        {
            if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } mark)
            {
                commands.GetOrAdd(mark, _ => new()).Enqueue(command.CommandText);
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class CommandCountingSqliteApp() : CommandCountingApp(DatabaseProvider.Sqlite);

public sealed class CommandCountingPostgresApp() : CommandCountingApp(DatabaseProvider.Postgres);

/// <summary>
/// An API token this instance has already seen (<see cref="ApiTokenMemory"/>): its owner's roles and claims are not read
/// again while the data is unchanged, but revoking it, disabling its owner, changing the owner's stamp or roles is honoured
/// on the very next request; a cached figure request costs one SQL command.
/// </summary>
public abstract class RememberedApiTokenTests(CommandCountingApp app)
{
    private static readonly Uri Authorities = new("/api/authorities", UriKind.Relative);
    private static readonly Uri Turnover = new("/api/reports/turnover", UriKind.Relative);

    private HttpClient Bearer(string secret)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<(UponUser User, int TokenId, HttpClient Client)> RememberedTokenAsync(string role)
    {
        var email = $"remembered.{Guid.NewGuid():N}@tests.upon.test";
        var user = await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync(email, role, UponApp.Password));
        var (token, secret) = await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(user.Id, "Remembered"));
        var client = Bearer(secret);
        // The first request reads the token and its owner; the second is answered from this instance's memory of it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(role == Roles.Funder ? Turnover : Authorities)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(role == Roles.Funder ? Turnover : Authorities)).StatusCode);
        Assert.NotNull(app.Services.GetRequiredService<ApiTokenMemory>().Recall(SecretTokens.Hash(secret)));
        return (user, token.Id, client);
    }

    [SkippableFact]
    public async Task RevokedAfterBeingRemembered_IsRefusedOnTheNextRequest()
    {
        app.RequireDatabase();
        var (user, tokenId, client) = await RememberedTokenAsync(Roles.PartnerStaff);
        // Revoking writes only the token's row, which does not raise the data version.
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().RevokeAsync(user.Id, tokenId)));
        var refused = await client.GetAsync(Authorities);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task OwnerDisabledWithoutRevoking_IsRefusedOnTheNextRequest()
    {
        app.RequireDatabase();
        var (user, _, client) = await RememberedTokenAsync(Roles.PartnerStaff);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Authorities)).StatusCode);
    }

    [SkippableFact]
    public async Task OwnersStampChangedAlone_IsReadAgain()
    {
        app.RequireDatabase();
        var (user, _, client) = await RememberedTokenAsync(Roles.PartnerStaff);
        // A new security stamp alone is sign-in bookkeeping: it keeps the data version, and the check still sees it.
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Authorities)).StatusCode);
        var stamp = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());
        var remembered = app.Services.GetRequiredService<ApiTokenMemory>().Recall(SecretTokens.Hash(client.DefaultRequestHeaders.Authorization!.Parameter!));
        Assert.Equal(stamp, remembered?.Token.SecurityStamp);
    }

    [SkippableFact]
    public async Task OwnersRoleChanged_TakesEffectOnTheNextRequest()
    {
        app.RequireDatabase();
        var (user, _, client) = await RememberedTokenAsync(Roles.PartnerStaff);
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            await users.RemoveFromRoleAsync(account, Roles.PartnerStaff);
            return await users.AddToRoleAsync(account, Roles.Funder);
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Authorities)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Turnover)).StatusCode);
    }

    [SkippableFact]
    public async Task CachedFigure_WithARememberedToken_CostsOneSqlCommand()
    {
        app.RequireDatabase();
        var (_, _, client) = await RememberedTokenAsync(Roles.Funder);
        var mark = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, Turnover);
        request.Headers.Add(CommandCountingApp.Header, mark);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The token's check and the data version together, and nothing else: the figure is served from the cache.
        var commands = app.Commands.TryGetValue(mark, out var seen) ? seen.ToList() : [];
        Assert.Single(commands);
        Assert.Contains("CASE WHEN EXISTS", commands[0], StringComparison.Ordinal);

        // A new token (not yet remembered) costs the version, the token with its owner's roles and claims, and its first use.
        var (_, secret) = await app.WithScopeAsync(async s =>
        {
            var funder = await s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(UponApp.EmailFor(Roles.Funder));
            return await s.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(funder!.Id, "Counted");
        });
        var fresh = Guid.NewGuid().ToString("N");
        using var first = new HttpRequestMessage(HttpMethod.Get, Turnover);
        first.Headers.Add(CommandCountingApp.Header, fresh);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).SendAsync(first)).StatusCode);
        Assert.Equal(3, app.Commands[fresh].Count);
    }
}

public sealed class RememberedApiTokenTests_Sqlite(CommandCountingSqliteApp app) : RememberedApiTokenTests(app), IClassFixture<CommandCountingSqliteApp>;

public sealed class RememberedApiTokenTests_Postgres(CommandCountingPostgresApp app) : RememberedApiTokenTests(app), IClassFixture<CommandCountingPostgresApp>;
