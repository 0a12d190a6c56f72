using System.CommandLine;
using Upon.Demo;
using Upon.Register;
using Upon.Sessions;

namespace Upon.Commands;

/// <summary><c>upon demo</c>: creates the made-up demo register on an empty database. No other command creates demo data.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Create the demo data (made-up people over the real authorities) on an empty database.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<DemoData>().CreateIfEmptyAsync(cancellationToken))
            {
                throw new CommandException("the register already has people or appointments; demo data is only created on an empty database.");
            }
            Console.WriteLine("Demo data created.");
            return 0;
        });
        return command;
    }
}
