using System.CommandLine;
using System.Text.Json;
using Upon.Impact;

namespace Upon.Commands;

/// <summary>
/// <c>upon report dfe-return --period 2026-27-Q2 [--format xlsx|csv|json] [--output FILE] [--funder]</c>: the DfE contract
/// return, as served (frozen once submitted), exact or as the funder sees it.
/// </summary>
public static class ReportDfeReturnCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "A financial quarter (2026-27-Q2; April to June is Q1) or year (2026-27).", Required = true };
        var format = new Option<string>("--format") { Description = "json, csv or xlsx.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var output = new Option<string?>("--output") { Description = "The file to write; standard output when left out (xlsx only when it is redirected)." };
        var funder = new Option<bool>("--funder") { Description = "The funder's version, small numbers suppressed." };
        var command = new Command("dfe-return", "The DfE contract return of a quarter or year (definitions in the README).") { period, format, output, funder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output);
            var kind = parse.GetValue(format)!;
            if (kind == "xlsx" && file is null && !Console.IsOutputRedirected)
            {
                throw new CommandException("an xlsx workbook is not for a terminal: give --output FILE or redirect standard output.");
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var report = scope.ServiceProvider.GetRequiredService<ReturnReport>();
            if (report.Problem(parse.GetValue(period), out var parsed) is { } problem)
            {
                throw new CommandException(problem);
            }
            var (exact, suppressed) = await scope.ServiceProvider.GetRequiredService<ReturnSubmissions>().ServedAsync(parsed, cancellationToken);
            var document = parse.GetValue(funder) ? suppressed : exact;
            await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file);
            switch (kind)
            {
                case "xlsx":
                    using (var buffer = new MemoryStream())
                    {
                        ReturnFiles.WriteWorkbook(buffer, document);
                        buffer.Position = 0;
                        await buffer.CopyToAsync(stream, cancellationToken);
                    }
                    break;
                case "csv":
                    await using (var writer = new StreamWriter(stream, Upon.Shared.Files.SafeCsv.Utf8, leaveOpen: true))
                    {
                        ReturnFiles.WriteCsv(writer, document);
                    }
                    break;
                default:
                    await using (var writer = new StreamWriter(stream, Upon.Shared.Files.SafeCsv.Utf8, leaveOpen: true))
                    {
                        await writer.WriteLineAsync(JsonSerializer.Serialize(document, ReturnReport.Json));
                    }
                    break;
            }
            if (file is not null)
            {
                await Console.Error.WriteLineAsync($"Wrote the {document.Status} {document.View} return of {document.Period} to {file}.");
            }
            return 0;
        });
        return command;
    }
}
