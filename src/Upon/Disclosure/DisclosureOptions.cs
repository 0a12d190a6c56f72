using Upon.Core.Disclosure;

namespace Upon.Disclosure;

/// <summary>The <c>Disclosure:</c> settings: small-number suppression of the figures the funder sees.</summary>
public sealed class DisclosureOptions
{
    public const string Section = "Disclosure";

    /// <summary>The smallest count shown to the funder, apart from zero: 5 suppresses 1 to 4, and 1 suppresses nothing.</summary>
    public int SmallNumberThreshold { get; set; } = DisclosureRule.DefaultThreshold;
}
