using System.CommandLine;
using Upon.Core.Register;
using Upon.Register.ReferenceData;

namespace Upon.Commands;

/// <summary>
/// <c>upon reference authorities LAS_CSV REGIONS_CSV OUT_JSON</c>: regenerates the embedded reference file
/// (src/Upon/Register/ReferenceData/authorities.json) from DfE's published files. Touches no database.
/// </summary>
public static class ReferenceAuthoritiesCommand
{
    public static Command Create()
    {
        var las = new Argument<string>("LAS_CSV") { Description = "DfE's las.csv." };
        var regions = new Argument<string>("REGIONS_CSV") { Description = "DfE's regions.csv." };
        var output = new Argument<string>("OUT_JSON") { Description = "Where to write the reference file." };
        var command = new Command("authorities", "Regenerate the embedded authorities reference file from DfE's published lists.") { las, regions, output };
        command.SetAction(parse =>
        {
            IReadOnlyList<AuthorityReference> authorities;
            using (var reader = CommandHost.OpenText(parse.GetValue(las)!))
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
            using var regionReader = CommandHost.OpenText(parse.GetValue(regions)!);
            var regionList = AuthorityReferenceData.ParseRegions(regionReader);
            using var stream = File.Create(parse.GetValue(output)!);
            AuthorityReferenceData.Write(stream, authorities, regionList);
            Console.WriteLine($"Wrote {authorities.Count} authorities and {regionList.Count} regions.");
            return 0;
        });
        return command;
    }
}
