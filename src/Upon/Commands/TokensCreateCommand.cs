using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Upon.Accounts;

namespace Upon.Commands;

/// <summary><c>upon tokens create --email E --name N</c>: prints a new personal API token for that account (shown once).</summary>
public static class TokensCreateCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var command = new Command("create", "Create a personal API token and print it once.") { email, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(parse.GetValue(email)!)
                ?? throw new CommandException($"no account has the email {parse.GetValue(email)}.");
            if (user.IsDisabled)
            {
                throw new CommandException($"the account {user.Email} is disabled.");
            }
            var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(user.Id, parse.GetValue(name)!, cancellationToken);
            Console.WriteLine(secret);
            return 0;
        });
        return command;
    }
}
