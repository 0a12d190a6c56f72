using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Email;

/// <summary>What the outbox holds about a person: the emails sent (or waiting to be sent) to their address, with attachments.</summary>
public sealed class EmailPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Emails to you";

    public IReadOnlyList<string> Tables { get; } = ["outbox_messages", "outbox_attachments"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var messages = await db.OutboxMessages.Where(m => m.To.ToLower().Contains(lower)).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var ids = messages.Select(m => m.Id).ToList();
        return [new("outbox_messages", messages), new("outbox_attachments", await db.OutboxAttachments.Where(a => ids.Contains(a.OutboxMessageId)).ToListAsync(cancellationToken))];
    }

    /// <summary>Emails created before the data map's period are due (sent or not: an email that old will not be sent).</summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("outbox_messages") is not { } since)
        {
            return [];
        }
        var cutoff = since.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var messages = await db.OutboxMessages.Where(m => m.CreatedAt < cutoff).ToListAsync(cancellationToken);
        return messages.Count == 0
            ? []
            : [new RetentionDue("Old emails", $"{messages.Count} emails created before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}", Rows: new PersonalRows("outbox_messages", messages))];
    }
}
