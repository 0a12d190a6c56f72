using System.Globalization;

namespace Upon.Core.Disclosure;

/// <summary>
/// A figure as it may be published: either its value, or the fact that it is suppressed. A suppressed figure keeps
/// no value, so nothing downstream can publish it by mistake, and a <c>default</c> one is suppressed too.
/// </summary>
public readonly record struct Disclosed<T>
{
    private readonly T _value;
    private readonly bool _shown;

    internal Disclosed(T value, bool isSuppressed)
    {
        _value = isSuppressed ? default! : value;
        _shown = !isSuppressed;
    }

    /// <summary>Whether the figure is withheld.</summary>
    public bool IsSuppressed => !_shown;

    /// <summary>The value of a figure that is shown.</summary>
    /// <exception cref="InvalidOperationException">The figure is suppressed.</exception>
    public T Value => IsSuppressed
        ? throw new InvalidOperationException("The figure is suppressed: it has no value to publish.")
        : _value;

    /// <summary>The value if the figure is shown.</summary>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return !IsSuppressed;
    }

    /// <summary>A figure worked out from this one: suppressed when this one is.</summary>
    public Disclosed<TResult> Select<TResult>(Func<T, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return IsSuppressed ? Disclosed.Suppressed<TResult>() : Disclosed.Shown(selector(_value));
    }

    /// <summary><see cref="Disclosed.Symbol"/> when suppressed, otherwise the value (empty for null), in the invariant culture.</summary>
    public override string ToString() =>
        IsSuppressed ? Disclosed.Symbol : string.Create(CultureInfo.InvariantCulture, $"{_value}");
}

/// <summary>Makes <see cref="Disclosed{T}"/> values.</summary>
public static class Disclosed
{
    /// <summary>
    /// The symbol for a suppressed figure in tables and CSV files: "c", for confidential, as in the Department for
    /// Education's and the Office for National Statistics' official statistics.
    /// </summary>
    public const string Symbol = "c";

    /// <summary>A figure that is published as it is.</summary>
    public static Disclosed<T> Shown<T>(T value) => new(value, isSuppressed: false);

    /// <summary>A figure that is withheld.</summary>
    public static Disclosed<T> Suppressed<T>() => new(default!, isSuppressed: true);
}
