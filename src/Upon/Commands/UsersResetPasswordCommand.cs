using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Upon.Accounts;

namespace Upon.Commands;

/// <summary>
/// <c>upon users reset-password EMAIL</c>: prints a one-time link (valid 24 hours) that sets a new password for the
/// account, e.g. a demo account whose generated password was lost. Earlier unused links stop working. The password
/// itself is never printed or taken on the command line.
/// </summary>
public static class UsersResetPasswordCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's email address." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The address people use to reach Upon (default: App:BaseUrl, or http://localhost:5080)." };
        var command = new Command("reset-password", "Print a one-time link (valid 24 hours) to set a new password for an account.") { email, baseUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var address = parse.GetValue(email)!.Trim();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(address)
                ?? throw new CommandException($"there is no account with the email {address}");
            if (user.IsDisabled)
            {
                throw new CommandException($"the account {user.Email} is disabled; an administrator can enable it first");
            }
            var root = parse.GetValue(baseUrl)?.TrimEnd('/') ?? Upon.Shared.AppLinks.BaseUrl(host.Services.GetRequiredService<IConfiguration>());
            var path = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateInvitationAsync(user, AccountService.ResetLifetime, cancellationToken);
            Console.WriteLine($"This link sets a new password for {user.Email}; it works once, for 24 hours, and the old password works until it is used:");
            Console.WriteLine($"{root}{path}");
            return 0;
        });
        return command;
    }
}
