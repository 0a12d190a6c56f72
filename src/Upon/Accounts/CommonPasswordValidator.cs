using Microsoft.AspNetCore.Identity;

namespace Upon.Accounts;

/// <summary>
/// Rejects passwords shorter than 12 or longer than 128 characters, and common passwords: exactly, in any case, or with
/// digits and symbols added before or after (<c>Football2024!</c>). The list ships with the product.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<UponUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<UponUser> manager, UponUser user, string? password)
    {
        if (password is null || password.Length < MinimumLength)
        {
            return Failed("PasswordTooShort", $"Your password must be at least {MinimumLength} characters long");
        }
        if (password.Length > MaximumLength)
        {
            return Failed("PasswordTooLong", $"Your password must be {MaximumLength} characters or fewer");
        }
        return IsCommon(password)
            ? Failed("PasswordCommon", "Your password is too easy to guess: choose one that is not a common password")
            : Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim("0123456789!@#$%^&*()_+-=.,?;:'\"~` ".ToCharArray());
        return Common.Value.Contains(lower) || (core.Length >= 4 && Common.Value.Contains(core));
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Upon.Accounts.ReferenceData.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }
        return set;
    }
}
