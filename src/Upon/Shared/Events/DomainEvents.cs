namespace Upon.Shared.Events;

/// <summary>
/// Reacts to a domain event raised by another feature. Handlers run in the raiser's DbContext transaction, before it
/// commits: what they write is saved with the change that raised the event, or not at all.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A handler of domain events, not a .NET event delegate; the name says what it is.")]
public interface IDomainEventHandler<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Raises domain events in process: every handler registered for the event runs, in registration order, on the caller's
/// scope (and so its DbContext and open transaction). The raiser calls it before committing.
/// </summary>
public sealed class DomainEvents(IServiceProvider services)
{
    public async Task RaiseAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
