using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;

namespace Upon.Commands;

/// <summary><c>upon import authorities FILE</c>: refreshes the authorities from DfE's published list (the columns of las.csv).</summary>
public static class ImportAuthoritiesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "DfE's list of local authorities (las.csv format)." };
        var command = new Command("authorities", "Refresh the authorities from DfE's published list of local authorities.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<AuthorityReference> authorities;
            using (var reader = CommandHost.OpenText(parse.GetValue(file)!))
            {
                try
                {
                    authorities = DfeAuthorityList.Parse(reader);
                }
                catch (FormatException e)
                {
                    throw new CommandException(e.Message);
                }
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
            var regions = await db.Regions.Select(r => new Core.Register.RegionReference(r.Code, r.Name)).ToListAsync(cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<AuthorityImporter>().RefreshAsync(authorities, regions, cancellationToken);
            Console.WriteLine($"{authorities.Count} authorities read: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged. {result.InOperationToday} in operation today.");
            return 0;
        });
        return command;
    }
}
