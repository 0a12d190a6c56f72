namespace Upon.Email;

/// <summary>
/// The <c>Email:</c> settings. With no <c>Email:Smtp:Host</c>, messages are written as <c>&lt;id&gt;.eml</c> files to
/// <see cref="PickupDirectory"/> (no mail server needed); with one, they are sent over SMTP.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender of every message, as <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "Upon <no-reply@upon.test>";

    /// <summary>
    /// The programme team's address, as <c>Name &lt;address&gt;</c>: the Reply-To of every message, so that a reply (which
    /// invitations ask for) reaches people rather than the unattended <see cref="From"/> address. Empty: no Reply-To.
    /// </summary>
    public string? ReplyTo { get; set; } = "Upon programme team <programme@upon.test>";

    /// <summary>Where messages are written when no SMTP host is set; relative to the working directory.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the web app looks for messages to send, in seconds; 0 turns the background sender off.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>How many messages one sender claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim lasts, in seconds: past it, another sender may take the message over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>After this many failed attempts a message is no longer tried; its last error stays on the row.</summary>
    public int MaxAttempts { get; set; } = 10;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>The port: by default 587 with STARTTLS, 25 without. Port 465 means TLS from the start.</summary>
    public int? Port { get; set; }

    /// <summary>Upgrade the connection with STARTTLS, and refuse to send if the server cannot.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one SMTP operation may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public int EffectivePort => Port ?? (UseStartTls ? 587 : 25);
}
