using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Data;

namespace Upon.Email;

/// <summary>
/// Sends what is due in the outbox: in the web app every <see cref="EmailOptions.PollSeconds"/>, and whenever
/// <see cref="SendDueAsync"/> is called (by a test or a command).
/// <para>
/// A sender first claims a batch with one UPDATE that sets <see cref="OutboxMessage.LockedUntil"/> and
/// <see cref="OutboxMessage.ClaimedBy"/> only on rows that are unsent and not locked, so two senders (two threads, two
/// instances of the app) never both take a message. It then sends each message and marks it sent. A failure puts the
/// message back with its error and a later <see cref="OutboxMessage.NextAttemptAt"/> (30 seconds, doubling, at most an
/// hour). If a sender dies mid-batch, its claim lapses and another takes the messages over: one might then go twice, but
/// with the same Message-Id, so the copy can be recognised.
/// </para>
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IEmailTransport transport, IClock clock, IOptions<EmailOptions> options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    public const int MaxErrorLength = 2000;

    private static readonly Duration FirstRetry = Duration.FromSeconds(30);
    private static readonly Duration LongestRetry = Duration.FromHours(1);

    private readonly EmailOptions _options = options.Value;

    /// <summary>This sender in the claims it makes: machine, process and a per-instance id.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long after its <paramref name="attempts"/>th failure a message is tried again.</summary>
    public static Duration RetryDelay(int attempts)
    {
        var seconds = FirstRetry.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return Duration.FromSeconds(Math.Min(seconds, LongestRetry.TotalSeconds));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.PollSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.PollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is briefly away (or not yet migrated) must not stop the loop.
                logger.LogError(e, "Sending the outbox failed; trying again in {Seconds} s", _options.PollSeconds);
            }
        }
    }

    /// <summary>Sends every message that is due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            var (batch, claimed) = await SendBatchAsync(cancellationToken);
            sent += batch;
            if (claimed < Math.Max(1, _options.BatchSize))
            {
                return sent;
            }
        }
    }

    private Expression<Func<OutboxMessage, bool>> Due(Instant now)
    {
        var maxAttempts = _options.MaxAttempts;
        return m => m.SentAt == null && m.Attempts < maxAttempts && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now);
    }

    private async Task<(int Sent, int Claimed)> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        var now = clock.GetCurrentInstant();

        // Reading first keeps an idle poll to a cheap SELECT, with no write lock.
        var candidates = await db.OutboxMessages.AsNoTracking().Where(Due(now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Math.Max(1, _options.BatchSize)).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, 0);
        }
        var claim = $"{Instance}/{Guid.NewGuid():N}";
        // Stop starting sends while there is still time to finish one before the claim lapses; the lease is always long
        // enough for a few sends, whatever the settings, or nothing would ever be sent.
        var safety = Duration.FromSeconds(Math.Max(1, _options.Smtp.TimeoutSeconds) * 2 + 5);
        var leaseEnd = now + Duration.Max(Duration.FromSeconds(Math.Max(30, _options.LeaseSeconds)), safety * 2);
        // The claim: only rows still unsent and unlocked are taken, whoever else is claiming at the same moment.
        var claimed = await db.OutboxMessages.Where(m => candidates.Contains(m.Id)).Where(Due(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd).SetProperty(m => m.ClaimedBy, claim), cancellationToken);
        if (claimed == 0)
        {
            return (0, candidates.Count);
        }
        var messages = await db.OutboxMessages.AsNoTracking().AsSplitQuery().Include(m => m.Attachments)
            .Where(m => m.ClaimedBy == claim && m.SentAt == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var sent = 0;
        await using (var session = transport.Open())
        {
            foreach (var message in messages)
            {
                if (clock.GetCurrentInstant() > leaseEnd - safety)
                {
                    await ReleaseAsync(db, message.Id, claim, cancellationToken);
                    continue;
                }
                try
                {
                    await session.SendAsync(message.Id, EmailOutbox.Build(message, _options.From, _options.ReplyTo), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await FailedAsync(db, message, claim, e, cancellationToken);
                    continue;
                }
                await SentAsync(db, message.Id, cancellationToken);
                sent++;
            }
        }
        return (sent, candidates.Count);
    }

    private async Task SentAsync(UponDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        // Marked sent even if the claim lapsed meanwhile: it has been sent, whoever else holds it now.
        await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LastAttemptAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LockedUntil, (Instant?)null), CancellationToken.None);
        logger.LogInformation("Sent outbox message {Id}", id);
    }

    private async Task FailedAsync(UponDbContext db, OutboxMessage message, string claim, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var attempts = message.Attempts + 1;
        var next = now + RetryDelay(attempts);
        var text = $"{error.GetType().Name}: {error.Message}";
        text = text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim && m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastAttemptAt, now)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LockedUntil, (Instant?)null), CancellationToken.None);
        if (attempts >= _options.MaxAttempts)
        {
            logger.LogError(error, "Outbox message {Id} failed {Attempts} times and will not be tried again", message.Id, attempts);
        }
        else
        {
            logger.LogWarning(error, "Outbox message {Id} failed (attempt {Attempts}); trying again after {Next}", message.Id, attempts, next);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static Task<int> ReleaseAsync(UponDbContext db, long id, string claim, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == claim && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (Instant?)null), cancellationToken);
}
