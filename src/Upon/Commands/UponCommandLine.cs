using System.CommandLine;

namespace Upon.Commands;

/// <summary>The command line: <c>upon import ...</c>, <c>upon export ...</c>, <c>upon report ...</c>, <c>upon demo</c>.</summary>
public static class UponCommandLine
{
    /// <summary>
    /// Whether these arguments run the command line (a command, or <c>--help</c> or <c>--version</c>) rather than serve the
    /// web app, whose own arguments are all options (<c>--urls ...</c>).
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version");

    public static RootCommand Build()
    {
        var root = new RootCommand("Upon: the platform for England's DCS leadership programme. Run with no command to serve the web app.");
        root.Subcommands.Add(new Command("import", "Import reference data, appointments or bank holidays.")
        {
            ImportAuthoritiesCommand.Create(),
            ImportAppointmentsCommand.Create(),
            ImportBankHolidaysCommand.Create(),
            ImportWorkforceCommand.CreateWorkforce(),
            ImportWorkforceCommand.CreateCensus(),
            ImportBaliCommand.Create(),
        });
        root.Subcommands.Add(new Command("export", "Export data.") { ExportAppointmentsCommand.Create() });
        root.Subcommands.Add(new Command("report", "Print figures.") { ReportTurnoverCommand.Create(), ReportInvitationsCommand.Create(), ReportCoachingCommand.Create(), ReportDfeReturnCommand.Create(), ReportRetentionCommand.Create(), AspirantsCommands.Report(), ReportFeedbackCommand.Create() });
        root.Subcommands.Add(new Command("users", "Manage accounts.") { UsersAddCommand.Create(), UsersResetPasswordCommand.Create() });
        root.Subcommands.Add(new Command("tokens", "Manage personal API tokens.") { TokensCreateCommand.Create() });
        root.Subcommands.Add(new Command("invitations", "New Directors invitations.") { InvitationsRunCommand.Create() });
        root.Subcommands.Add(new Command("feedback", "Feedback after sessions.") { FeedbackRunCommand.Create() });
        root.Subcommands.Add(CoachingCommands.Create());
        root.Subcommands.Add(PrivacyCommands.Create());
        root.Subcommands.Add(NewDirectorsCommands.Create());
        root.Subcommands.Add(AspirantsCommands.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(new Command("reference", "Regenerate the reference data shipped with the product.") { ReferenceAuthoritiesCommand.Create(), ReferenceBankHolidaysCommand.Create(), ImportWorkforceCommand.CreateReference() });
        return root;
    }

    /// <summary>System.CommandLine lists the allowed values one a line: "Must be one of: 'json', 'csv', 'table'".</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = new System.Text.StringBuilder(lines.Length > 0 ? lines[0] : message);
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(lines[i - 1].EndsWith(':') ? " " : ", ").Append(lines[i]);
        }
        return text.ToString();
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current is not null && current.Command is not RootCommand; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(current.Command.Name);
        }
        return names;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        try
        {
            var parse = Build().Parse(args);
            if (parse.Errors.Count > 0)
            {
                // A usage error is one line and exit code 2, as for any other operator error; --help describes the command.
                var command = string.Join(' ', parse.CommandResult.Command is RootCommand ? [] : CommandPath(parse.CommandResult));
                await Console.Error.WriteLineAsync($"upon: {OneLine(parse.Errors[0].Message)} (see: upon {command}{(command.Length > 0 ? " " : "")}--help)");
                return 2;
            }
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync($"upon: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("upon: cancelled.");
            return 130;
        }
        catch (Exception e)
        {
            // Operators get one line; the detail is for a developer with UPON_DEBUG=1.
            await Console.Error.WriteLineAsync($"upon: failed: {e.GetBaseException().Message}");
            if (Environment.GetEnvironmentVariable("UPON_DEBUG") == "1")
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }
            return 70;
        }
    }
}

/// <summary>A failure to report to the operator as one line, without a stack trace: exit 2 for a usage error, 1 for bad input.</summary>
public sealed class CommandException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
