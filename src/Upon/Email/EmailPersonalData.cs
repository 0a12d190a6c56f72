using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Email;

/// <summary>
/// What the outbox holds about a person: the emails sent (or waiting to be sent) to their address, with attachments. An
/// email is theirs when one of the addresses it is to (<see cref="OutboxMessage.To"/> may list several) is theirs, compared
/// without case: never because their address is part of another (ann@example.org is not joann@example.org).
/// </summary>
public sealed class EmailPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Emails to you";

    public IReadOnlyList<string> Tables { get; } = ["outbox_messages", "outbox_attachments"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        // The database narrows to the emails whose recipients contain the address; only those to exactly it are the person's.
        var candidates = await db.OutboxMessages.Where(m => m.To.ToLower().Contains(lower)).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var messages = candidates.Where(m => IsTo(m, subject.Email)).ToList();
        var ids = messages.Select(m => m.Id).ToList();
        return [new("outbox_messages", messages), new("outbox_attachments", await db.OutboxAttachments.Where(a => ids.Contains(a.OutboxMessageId)).ToListAsync(cancellationToken))];
    }

    /// <summary>Whether one of the addresses <paramref name="message"/> is to is <paramref name="email"/> (without case).</summary>
    public static bool IsTo(OutboxMessage message, string email)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(email);
        IEnumerable<string> addresses = MimeKit.InternetAddressList.TryParse(message.To, out var list)
            ? list.Mailboxes.Select(m => m.Address)
            : message.To.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return addresses.Any(a => string.Equals(a.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
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
