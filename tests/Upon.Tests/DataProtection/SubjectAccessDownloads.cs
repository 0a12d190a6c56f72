using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Upon.DataProtection;
using Upon.Shared.Privacy;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>A person's subject access download as the export writes it, and its files read back.</summary>
internal static class SubjectAccessDownloads
{
    public static async Task<ZipArchive> DownloadAsync(this UponApp app, string email)
    {
        var buffer = new MemoryStream();
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<SubjectAccessExport>().WriteAsync(new DataSubject(email), buffer, "Test")));
        buffer.Position = 0;
        return new ZipArchive(buffer);
    }

    public static string Read(this ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No {name} in the download.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
