using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
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
        // A plain command, not through EF Core's: sign-in bookkeeping that no figure reads, so it must not raise the data
        // version (Data/DataVersions intercepts EF Core's commands) and clear every cached figure on each refused sign-in.
        var entity = db.Model.FindEntityType(typeof(UponUser))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        var failed = Column(nameof(UponUser.AccessFailedCount));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"UPDATE \"{entity.GetTableName()}\" SET {failed} = {failed} WHERE {Column(nameof(UponUser.Id))} = @id";
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = user?.Id ?? "";
            command.Parameters.Add(id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
