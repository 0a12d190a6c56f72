using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Upon.Audit;
using Upon.Shared.Files;
using Upon.Shared.Privacy;

namespace Upon.DataProtection;

/// <summary>
/// A subject access response as one ZIP file: <c>summary.txt</c> (what Upon holds, why, on what lawful basis, who
/// receives it, how long it is kept, and the person's rights), a JSON file per category of data
/// (<c>identity.json</c>, <c>contact.json</c>, <c>special-category.json</c>, <c>programme-record.json</c>,
/// <c>audit.json</c>) and a readable CSV per table (<c>csv/participants.csv</c>, formulas neutralised). Secrets
/// (password and token hashes) are never in it. Making one is audited, and so is the special-category data it reads.
/// </summary>
public sealed class SubjectAccessExport(PersonalData personalData, AuditLog audit, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The categories with a JSON file, and the file's name.</summary>
    public static readonly IReadOnlyList<(DataCategory Category, string File)> Files =
    [
        (DataCategory.Identity, "identity.json"),
        (DataCategory.Contact, "contact.json"),
        (DataCategory.SpecialCategory, "special-category.json"),
        (DataCategory.ProgrammeRecord, "programme-record.json"),
        (DataCategory.Audit, "audit.json"),
    ];

    /// <summary>The name a person's own download is saved under.</summary>
    public const string DownloadName = "upon-your-data.zip";

    public const string ContentType = "application/zip";

    /// <summary>The ZIP for <paramref name="subject"/> in memory, ready to send or save; null when Upon holds nothing about them.</summary>
    public async Task<MemoryStream?> ZipAsync(DataSubject subject, string why, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        if (!await WriteAsync(subject, buffer, why, cancellationToken))
        {
            await buffer.DisposeAsync();
            return null;
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Writes the ZIP for <paramref name="subject"/>; false (and nothing written) when Upon holds nothing about them.</summary>
    public async Task<bool> WriteAsync(DataSubject subject, Stream output, string why, CancellationToken cancellationToken = default)
    {
        var data = await personalData.FindAsync(subject, cancellationToken);
        if (data.IsEmpty)
        {
            return false;
        }
        var rows = personalData.ForDownload(data).DistinctBy(r => (r.Row.Table, r.Row.Key)).ToList();
        // Reading special-category data is audited, as every other view of it is, before it is written out.
        var special = rows.Where(r => DataMap.For(r.Row.Table)?.Columns.Any(c => c.Category == DataCategory.SpecialCategory) == true).ToList();
        foreach (var (_, row) in special)
        {
            await audit.RecordViewAsync(row.EntityType, row.Key, "special-category data read for a subject access response", cancellationToken);
        }
        var now = clock.GetCurrentInstant();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteTextAsync(zip, "summary.txt", Summary(subject, rows.Select(r => (r.Feature, r.Row.Table)).Distinct().ToList(), now), cancellationToken);
            foreach (var (category, file) in Files)
            {
                var tables = new SortedDictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
                foreach (var (_, row) in rows)
                {
                    var policy = DataMap.For(row.Table);
                    if (policy is null || !policy.Columns.Any(c => c.Category == category))
                    {
                        continue;
                    }
                    var values = new Dictionary<string, object?> { ["_key"] = row.Key };
                    foreach (var (column, value) in row.Values)
                    {
                        if (policy.Column(column)?.Category == category)
                        {
                            values[column] = value;
                        }
                    }
                    if (values.Count > 1)
                    {
                        (tables.TryGetValue(row.Table, out var list) ? list : tables[row.Table] = []).Add(values);
                    }
                }
                object content = category == DataCategory.Audit ? new { tables, auditLog = AuditSection(data) } : new { tables };
                await WriteTextAsync(zip, file, JsonSerializer.Serialize(new { subject = subject.Email, generatedAt = InstantPattern.General.Format(now), category = file[..^5], content }, Json), cancellationToken);
            }
            foreach (var table in rows.GroupBy(r => r.Row.Table))
            {
                var policy = DataMap.For(table.Key);
                var columns = table.First().Row.Values.Select(v => v.Key).Where(c => policy?.Column(c)?.Category != DataCategory.Credential).ToList();
                var text = new StringWriter(CultureInfo.InvariantCulture);
                using (var csv = SafeCsv.CreateWriter(text))
                {
                    foreach (var column in columns)
                    {
                        csv.WriteField(column);
                    }
                    await csv.NextRecordAsync();
                    foreach (var (_, row) in table)
                    {
                        foreach (var column in columns)
                        {
                            csv.WriteField(AuditChanges.Format(row.Values.First(v => v.Key == column).Value));
                        }
                        await csv.NextRecordAsync();
                    }
                }
                await WriteTextAsync(zip, $"csv/{table.Key}.csv", text.ToString(), cancellationToken);
            }
        }
        // The subject is named in the detail, which an erasure of them rewrites, not in the entity id, which the audit log's
        // append-only trigger keeps as it is.
        await audit.RecordAsync(AuditActions.Exported, "DataSubject", null, $"{why}, for {subject.Email}: {rows.Count} rows in {rows.Select(r => r.Row.Table).Distinct().Count()} tables", cancellationToken: cancellationToken);
        return true;
    }

    private static object AuditSection(SubjectData data) => new
    {
        aboutYourRecords = data.AuditAbout.Select(e => new { at = InstantPattern.General.Format(e.At), e.Action, e.EntityType, e.EntityId, e.Changes, e.Detail }),
        // What the person did: the records they changed are named, but not other people's values.
        yourActions = data.AuditBy.Select(e => new { at = InstantPattern.General.Format(e.At), e.Action, e.EntityType, e.EntityId }),
    };

    private static string Summary(DataSubject subject, IReadOnlyList<(string Feature, string Table)> held, Instant now)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Everything Upon holds about {subject.Email}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Made {InstantPattern.General.Format(now)} (UTC).");
        text.AppendLine();
        text.AppendLine("Upon runs the Department for Education's leadership programme for directors of children's services. The files in this download:");
        foreach (var (_, file) in Files)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {file}: your data of that kind, table by table");
        }
        text.AppendLine("- csv/TABLE.csv: each table's rows about you, to open in a spreadsheet");
        text.AppendLine("Secrets (password and token hashes) are not included.");
        text.AppendLine();
        foreach (var group in held.GroupBy(h => h.Feature))
        {
            text.AppendLine(group.Key.ToUpperInvariant());
            foreach (var (_, table) in group.Distinct())
            {
                var policy = DataMap.For(table);
                if (policy is null)
                {
                    continue;
                }
                text.AppendLine(CultureInfo.InvariantCulture, $"* {policy.Holds} ({table})");
                text.AppendLine(CultureInfo.InvariantCulture, $"  Why: {policy.Purpose}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  Lawful basis: {policy.LawfulBasis}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  Who receives it: {policy.Recipients}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  How long it is kept: {policy.Retention.Text}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  If you ask for erasure: {policy.ErasureNote}");
            }
            text.AppendLine();
        }
        text.AppendLine("Where it came from: from you, from the programme's staff, or for the register of directors from councils' public announcements.");
        text.AppendLine("Your rights: you may ask for a copy of your data (this), for it to be corrected, erased or restricted, and object to its use; write to the programme's administrators. You may complain to the Information Commissioner's Office (ico.org.uk).");
        return text.ToString();
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(SafeCsv.Utf8.GetBytes(content), cancellationToken);
    }
}
