using System.CommandLine;
using Upon.Accounts;
using Upon.Shared.Security;

namespace Upon.Commands;

/// <summary>
/// <c>upon users add --email E --role R</c>: creates an account and prints its one-time set-password link (valid 7 days),
/// e.g. for the first administrator of a new installation.
/// </summary>
public static class UsersAddCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var name = new Option<string?>("--name") { Description = "The name to show for the account." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The address people use to reach Upon (default: App:BaseUrl, or http://localhost:5080)." };
        var command = new Command("add", "Create an account and print a one-time link to set its password.") { email, role, name, baseUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var root = parse.GetValue(baseUrl)?.TrimEnd('/') ?? Upon.Shared.AppLinks.BaseUrl(host.Services.GetRequiredService<IConfiguration>());
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .InviteAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(name), root, cancellationToken);
            if (created.Errors.Count > 0)
            {
                throw new CommandException(string.Join("; ", created.Errors));
            }
            Console.WriteLine($"Created {created.User!.Email} ({parse.GetValue(role)}). This link sets the password; it works once, for 7 days (it is also queued to be emailed):");
            Console.WriteLine($"{root}{created.SetPasswordPath}");
            return 0;
        });
        return command;
    }
}
