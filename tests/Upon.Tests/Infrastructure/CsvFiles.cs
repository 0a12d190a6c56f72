using System.Text;

namespace Upon.Tests.Infrastructure;

/// <summary>Writes appointments CSV files for tests.</summary>
public static class CsvFiles
{
    public const string Header = "la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned";

    public static string Write(string content, bool byteOrderMark = false)
    {
        var path = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(byteOrderMark));
        return path;
    }

    public static string Lines(params string[] rows) => string.Join("\n", rows) + "\n";
}
