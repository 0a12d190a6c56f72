using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Upon.Core;
using Upon.Core.Register;
using Upon.Register;
using Upon.Shared.Figures;

namespace Upon.Commands;

/// <summary>One column of a report's table: its heading and how a year's figures fill it.</summary>
public sealed record ReportColumn<TFigures>(string Heading, Func<TFigures, string> Value);

/// <summary>What makes one <c>upon report ...</c> command: how its figures are loaded and written.</summary>
/// <param name="LoadAsync">Every financial year's figures, from a scoped service provider.</param>
/// <param name="FinancialYearOf">The label (2023-24) of the year the figures are for.</param>
/// <param name="WriteCsv">Writes the years as CSV.</param>
/// <param name="TableTitle">The title over the table.</param>
/// <param name="Columns">The table's columns, the year first.</param>
/// <param name="StoredAs">
/// For figures that depend only on the data and the day: the key under which they are kept in the database
/// (<see cref="StoredFigures"/>) and read back, without starting the host, until the data or the day changes.
/// </param>
public sealed record ReportDefinition<TFigures>(
    string Name,
    string Description,
    Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<TFigures>>> LoadAsync,
    Func<TFigures, string> FinancialYearOf,
    Action<TextWriter, IReadOnlyList<TFigures>> WriteCsv,
    string TableTitle,
    IReadOnlyList<ReportColumn<TFigures>> Columns,
    ReportStore<TFigures>? StoredAs = null);

/// <summary>Where a report's figures are kept between runs (<see cref="StoredFigures"/>): the key, and their JSON as generated at build time, so that reading them back needs no reflection.</summary>
public sealed record ReportStore<TFigures>(string Key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<TFigures>> Json);

/// <summary>
/// The shape every <c>upon report NAME --format json|csv|table [--year 2023-24]</c> command shares: the options, reading
/// the year (a usage error when it is not one, an error when the register has no data for it), and writing the figures
/// to standard output. Each report keeps its own file (<c>Report*Command.cs</c>) with its definition.
/// </summary>
public static class ReportCommand
{
    public static Command Create<TFigures>(ReportDefinition<TFigures> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var format = new Option<string>("--format") { Description = "json, csv or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var year = new Option<string?>("--year") { Description = "One financial year, e.g. 2023-24; every year when left out." };
        var command = new Command(report.Name, report.Description) { format, year };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var only = ParseYear(parse.GetValue(year));
            var today = NodaTime.SystemClock.Instance.TodayInLondon();
            if (report.StoredAs is { } store && await StoredFigures.ReadAsync(CommandHost.Configuration(), store.Key, today, cancellationToken) is { } stored)
            {
                Write(report, JsonSerializer.Deserialize(stored, store.Json) ?? throw new JsonException("The stored figures are empty."), only, parse.GetValue(format), today);
                return 0;
            }
            using var host = await CommandHost.StartAsync(readOnly: true, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(Upon.Shared.Hosting.StartGate.Category);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var db = scope.ServiceProvider.GetRequiredService<Upon.Data.UponDbContext>();
            // Read before the figures are computed, so that figures stored with it are never newer than it says.
            long? version = report.StoredAs is null ? null : await StoredFigures.VersionAsync(db, cancellationToken);
            today = scope.ServiceProvider.GetRequiredService<NodaTime.IClock>().TodayInLondon();
            var years = await report.LoadAsync(scope.ServiceProvider, cancellationToken);
            log.LogDebug("Report {Name}: the figures took {Milliseconds} ms", report.Name, watch.ElapsedMilliseconds);
            if (report.StoredAs is { } storeAs && version is { } v)
            {
                await StoredFigures.StoreAsync(db, storeAs.Key, v, today, JsonSerializer.Serialize(years.ToList(), storeAs.Json), cancellationToken);
            }
            Write(report, years, only, parse.GetValue(format), today);
            return 0;
        });
        return command;
    }

    private static void Write<TFigures>(ReportDefinition<TFigures> report, IReadOnlyList<TFigures> years, FinancialYear? only, string? format, NodaTime.LocalDate today)
    {
        if (only is { } y)
        {
            years = [.. years.Where(f => report.FinancialYearOf(f) == y.Label)];
            if (years.Count == 0)
            {
                throw new CommandException($"the register has no data for {y.Label}.");
            }
        }
        switch (format)
        {
            case "json":
                Console.WriteLine(only is null ? JsonSerializer.Serialize(years, TurnoverReport.Json) : JsonSerializer.Serialize(years[0], TurnoverReport.Json));
                break;
            case "csv":
                report.WriteCsv(Console.Out, years);
                break;
            default:
                WriteTable(report, years, FinancialYear.Containing(today).Label);
                break;
        }
    }

    /// <summary>A rate or share for the table as <see cref="FigureFormat.Percent"/> writes it ("12.5%"), "-" when there is none.</summary>
    public static string Percent(double? value) => value is { } v ? FigureFormat.Percent(v) : "-";

    /// <summary>A mean or median for the table as <see cref="FigureFormat.Average"/> writes it ("24.2"), "-" when there is none.</summary>
    public static string Average(double? value) => value is { } v ? FigureFormat.Average(v) : "-";

    /// <summary>A count for the table, "-" when there is none.</summary>
    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static FinancialYear? ParseYear(string? text) =>
        text is null ? null
        : FinancialYear.TryParse(text, out var parsed) ? parsed
        : throw new CommandException($"'{text}' is not a financial year: use the form 2023-24.");

    private static void WriteTable<TFigures>(ReportDefinition<TFigures> report, IReadOnlyList<TFigures> years, string currentYear)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe or file has no width: keep each year on one line rather than wrapping at 80 columns.
            AnsiConsole.Profile.Width = 240;
        }
        var table = new Table().Title(report.TableTitle);
        foreach (var column in report.Columns)
        {
            table.AddColumn(new TableColumn(column.Heading).RightAligned());
        }
        foreach (var figures in years)
        {
            string[] cells = [.. report.Columns.Select(c => c.Value(figures))];
            // The first column is the year: the year not yet over reads "2026-27 (to date)", as on the pages.
            var label = report.FinancialYearOf(figures);
            cells[0] = FigureFormat.Year(label, label == currentYear);
            table.AddRow(cells);
        }
        AnsiConsole.Write(table);
    }
}
