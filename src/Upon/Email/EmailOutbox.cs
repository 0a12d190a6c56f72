using MimeKit;
using Upon.Data;

namespace Upon.Email;

/// <summary>A file to attach to an email.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Puts emails in the outbox. The message is added to the caller's context and is written by the caller's
/// <c>SaveChangesAsync</c>, in the same transaction as the change that caused it.
/// </summary>
public static class EmailOutbox
{
    public const int MaxSubjectLength = 300;

    /// <summary>Adds a message to <paramref name="db"/>; nothing is written or sent until the caller saves.</summary>
    /// <param name="to">One address, or several separated by commas.</param>
    /// <param name="invitesReply">
    /// Whether the email asks for or invites a reply: it is then sent with the programme team's <c>Email:ReplyTo</c>
    /// (see <see cref="OutboxMessage.InvitesReply"/>).
    /// </param>
    public static OutboxMessage Enqueue(UponDbContext db, string to, string subject, string textBody, string? htmlBody = null,
        IEnumerable<EmailAttachment>? attachments = null, bool invitesReply = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        if (!InternetAddressList.TryParse(to, out var addresses) || addresses.Mailboxes.Count() != addresses.Count || addresses.Count == 0)
        {
            throw new ArgumentException($"'{to}' is not a list of email addresses.", nameof(to));
        }
        // A header is one line: a line break in a subject must not start another header.
        var oneLine = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var now = db.Clock.GetCurrentInstant();
        var message = new OutboxMessage
        {
            To = addresses.ToString(),
            Subject = oneLine.Length > MaxSubjectLength ? oneLine[..MaxSubjectLength] : oneLine,
            TextBody = textBody,
            HtmlBody = htmlBody,
            InvitesReply = invitesReply,
            CreatedAt = now,
            NextAttemptAt = now,
            Attachments = [.. (attachments ?? []).Select(a => new OutboxAttachment
            {
                FileName = a.FileName,
                ContentType = ContentType.TryParse(a.ContentType, out _) ? a.ContentType : "application/octet-stream",
                Content = a.Content,
            })],
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>The stable Message-Id of an outbox message (without angle brackets): a resend has the same one.</summary>
    public static string MessageIdFor(long id, string from)
    {
        var domain = MailboxAddress.TryParse(from, out var mailbox) && mailbox.Domain is { Length: > 0 } d ? d : "upon.invalid";
        return $"outbox-{id}@{domain}";
    }

    /// <summary>
    /// The MIME message for an outbox row, the same every time it is built. When the row invites a reply
    /// (<see cref="OutboxMessage.InvitesReply"/>), replies go to <paramref name="replyTo"/> when given; otherwise the
    /// message has no Reply-To.
    /// </summary>
    public static MimeMessage Build(OutboxMessage outbox, string from, string? replyTo = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        if (outbox.InvitesReply && !string.IsNullOrWhiteSpace(replyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }
        message.To.AddRange(InternetAddressList.Parse(outbox.To));
        message.Subject = outbox.Subject;
        message.MessageId = MessageIdFor(outbox.Id, from);
        message.Date = outbox.CreatedAt.ToDateTimeOffset();
        var body = new BodyBuilder { TextBody = outbox.TextBody, HtmlBody = outbox.HtmlBody };
        foreach (var attachment in outbox.Attachments.OrderBy(a => a.Id))
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
