using System.CommandLine;
using Upon.Core.Impact;
using Upon.Impact;

namespace Upon.Commands;

/// <summary>
/// <c>upon import workforce FILE</c> and <c>upon import census FILE</c>: refresh the equality reference data from the
/// publishers' own files, all or nothing; every error is listed by line and column on standard error (exit 1).
/// </summary>
public static class ImportWorkforceCommand
{
    public static Command CreateWorkforce()
    {
        var file = new Argument<string>("FILE") { Description = "DfE's children's social work workforce by ethnicity and role, national and regional (the columns of dfe_csww_ethnicity_national_regional_by_role_*.csv)." };
        var command = new Command("workforce", "Replace the workforce ethnicity figures of the years the file gives, from DfE's file.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            WorkforceFileResult<WorkforceEthnicityRow> read;
            using (var reader = CommandHost.OpenText(path))
            {
                read = WorkforceFiles.ReadWorkforce(reader);
            }
            if (!read.Succeeded)
            {
                return await FailAsync(path, read.Errors);
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<WorkforceImporter>().ReplaceWorkforceAsync(read.Rows, cancellationToken);
            Console.WriteLine($"Loaded {result.Summary}.");
            return 0;
        });
        return command;
    }

    public static Command CreateCensus()
    {
        var file = new Argument<string>("FILE") { Description = "An ONS Census 2021 'Ethnic group (20 categories)' table for countries, regions or 2023 upper-tier local authorities." };
        var command = new Command("census", "Replace the census ethnic group figures of the file's level (country, region or upper-tier authority), from ONS's file.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            WorkforceFileResult<CensusEthnicityRow> read;
            using (var reader = CommandHost.OpenText(path))
            {
                read = WorkforceFiles.ReadCensus(reader);
            }
            if (!read.Succeeded)
            {
                return await FailAsync(path, read.Errors);
            }
            using var host = await CommandHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<WorkforceImporter>().ReplaceCensusAsync(read.Rows, cancellationToken);
            Console.WriteLine($"Loaded {result.Summary}.");
            return 0;
        });
        return command;
    }

    private static async Task<int> FailAsync(string path, IReadOnlyList<WorkforceFileError> errors)
    {
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync($"{Path.GetFileName(path)}: {error}");
        }
        await Console.Error.WriteLineAsync($"upon: {errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was imported.");
        return 1;
    }

    /// <summary>
    /// <c>upon reference workforce CSWW_CSV CENSUS_COUNTRY CENSUS_REGION CENSUS_UTLA OUT_JSON</c>: regenerates the embedded
    /// src/Upon/Impact/ReferenceData/workforce.json from the publishers' files. Touches no database.
    /// </summary>
    public static Command CreateReference()
    {
        var workforce = new Argument<string>("CSWW_CSV") { Description = "DfE's workforce by ethnicity and role, national and regional." };
        var country = new Argument<string>("CENSUS_COUNTRY_CSV") { Description = "ONS Census 2021 ethnic group by country." };
        var region = new Argument<string>("CENSUS_REGION_CSV") { Description = "The same by region." };
        var utla = new Argument<string>("CENSUS_UTLA_CSV") { Description = "The same by 2023 upper-tier local authority." };
        var output = new Argument<string>("OUT_JSON") { Description = "Where to write the reference file." };
        var command = new Command("workforce", "Regenerate the embedded equality reference file from DfE's and ONS's files.") { workforce, country, region, utla, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            WorkforceFileResult<WorkforceEthnicityRow> staff;
            using (var reader = CommandHost.OpenText(parse.GetValue(workforce)!))
            {
                staff = WorkforceFiles.ReadWorkforce(reader);
            }
            if (!staff.Succeeded)
            {
                return await FailAsync(parse.GetValue(workforce)!, staff.Errors);
            }
            var census = new List<CensusEthnicityRow>();
            foreach (var path in new[] { parse.GetValue(country)!, parse.GetValue(region)!, parse.GetValue(utla)! })
            {
                using var reader = CommandHost.OpenText(path);
                var read = WorkforceFiles.ReadCensus(reader);
                if (!read.Succeeded)
                {
                    return await FailAsync(path, read.Errors);
                }
                census.AddRange(read.Rows.Where(r => r.AreaCode.StartsWith('E')));
            }
            await using var stream = File.Create(parse.GetValue(output)!);
            Upon.Impact.ReferenceData.WorkforceReferenceData.Write(stream, staff.Rows, census);
            Console.WriteLine($"Wrote {staff.Rows.Count} workforce figures and {census.Count} census figures for England.");
            return 0;
        });
        return command;
    }
}
