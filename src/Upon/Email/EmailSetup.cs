using Microsoft.Extensions.Options;
using MimeKit;

namespace Upon.Email;

public static class EmailSetup
{
    /// <summary>The outbox and its sender. The web app also runs the sender as a hosted service.</summary>
    public static IServiceCollection AddUponEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Email:From must be an email address, like Upon <no-reply@example.org>.")
            .Validate(o => string.IsNullOrWhiteSpace(o.ReplyTo) || MailboxAddress.TryParse(o.ReplyTo, out _), "Email:ReplyTo must be an email address, like Programme team <programme@example.org>, or empty.")
            .Validate(o => o.BatchSize > 0 && o.MaxAttempts > 0, "Email:BatchSize and Email:MaxAttempts must be more than 0.")
            .ValidateOnStart();
        services.AddSingleton(sp => EmailTransports.Create(sp.GetRequiredService<IOptions<EmailOptions>>().Value));
        services.AddSingleton<OutboxSender>();
        return services;
    }
}
