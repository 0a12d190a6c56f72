namespace Upon.Shared.Privacy;

/// <summary>
/// A feature whose figures read a value that erasure removes (a coaching request's wishes, a coach's consents): before
/// the rows are erased, it writes down what its figures count from them, as counts that name and describe no one, so
/// that every figure stays the same. Data protection calls it in the erasure's transaction with every row about to be
/// erased. Register with <c>services.AddScoped&lt;IErasureFigures, ...&gt;()</c>.
/// </summary>
public interface IErasureFigures
{
    Task KeepCountsAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken);
}
