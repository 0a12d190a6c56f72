using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Upon.Data;

namespace Upon.Accounts;

/// <summary>
/// The work a refused sign-in does when the password is never checked (an unknown email, a disabled or a locked account),
/// so that it matches a wrong password and the time taken does not tell them apart: one password hash verification, here
/// against a hash of nothing, and one UPDATE of the account's row, as Identity's failed-attempt count does (a row left
/// as it is, or none for an unknown email). Tests count the verifications through a decorator around the real hasher.
/// </summary>
public sealed class FailedSignInWork(UserManager<UponUser> users, UponDbContext db)
{
    // Made by Identity's own hasher with its default settings (the app's), so verifying it costs what verifying a real one does.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UponUser>().HashPassword(new UponUser(), SecretTokens.New()));

    public async Task RefuseAsync(UponUser? user, string password, CancellationToken cancellationToken = default)
    {
        users.PasswordHasher.VerifyHashedPassword(user ?? new UponUser(), DummyHash.Value, password);
        var id = user?.Id ?? "";
        await db.Users.TagWith(Data.DataVersions.NotFigureData).Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount), cancellationToken);
    }
}
