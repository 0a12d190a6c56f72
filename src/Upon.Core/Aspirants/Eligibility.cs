namespace Upon.Core.Aspirants;

/// <summary>A cohort's eligibility rules.</summary>
/// <param name="MinYearsSenior">At least this many years in a senior leadership role; null for no such rule.</param>
/// <param name="MaxTiersBelowDcs">A role at most this many tiers below a director of children's services; null for no such rule.</param>
/// <param name="RequireEndorsement">The endorsing director said yes.</param>
public sealed record EligibilityRules(decimal? MinYearsSenior, int? MaxTiersBelowDcs, bool RequireEndorsement);

/// <summary>What an application says that the rules look at.</summary>
/// <param name="YearsSenior">Years in a senior leadership role; null when not answered.</param>
/// <param name="TiersBelowDcs">Tiers below the director; null when not answered.</param>
/// <param name="Endorsed">The director's answer; null while there is none.</param>
public sealed record EligibilityAnswers(decimal? YearsSenior, int? TiersBelowDcs, bool? Endorsed);

/// <summary>One rule's verdict, with the reason staff see.</summary>
/// <param name="Rule">The rule, in words.</param>
/// <param name="Met">Whether the application meets it.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record EligibilityCheck(string Rule, bool Met, string Reason);

/// <summary>The rules' verdict on one application.</summary>
/// <param name="Eligible">True when every rule is met.</param>
/// <param name="Checks">Each rule's verdict.</param>
public sealed record EligibilityResult(bool Eligible, IReadOnlyList<EligibilityCheck> Checks);

/// <summary>Checks an application against its cohort's eligibility rules.</summary>
public static class Eligibility
{
    /// <summary>Every rule of <paramref name="rules"/> checked against <paramref name="answers"/>.</summary>
    public static EligibilityResult Evaluate(EligibilityRules rules, EligibilityAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(answers);
        var checks = new List<EligibilityCheck>();
        if (rules.MinYearsSenior is { } years)
        {
            var rule = $"At least {years:0.#} years in a senior leadership role";
            checks.Add(answers.YearsSenior switch
            {
                null => new(rule, false, "Years in a senior role not given"),
                var y when y >= years => new(rule, true, $"{y:0.#} years in a senior role"),
                var y => new(rule, false, $"Only {y:0.#} years in a senior role"),
            });
        }
        if (rules.MaxTiersBelowDcs is { } tiers)
        {
            var rule = tiers == 1 ? "A role one tier below a director of children's services" : $"A role at most {tiers} tiers below a director of children's services";
            checks.Add(answers.TiersBelowDcs switch
            {
                null => new(rule, false, "Tiers below the director not given"),
                var t when t >= 1 && t <= tiers => new(rule, true, $"{t} {(t == 1 ? "tier" : "tiers")} below the director"),
                var t => new(rule, false, $"{t} {(t == 1 ? "tier" : "tiers")} below the director"),
            });
        }
        if (rules.RequireEndorsement)
        {
            const string rule = "Endorsed by their director of children's services";
            checks.Add(answers.Endorsed switch
            {
                true => new(rule, true, "The director endorsed the application"),
                false => new(rule, false, "The director did not endorse the application"),
                null => new(rule, false, "No endorsement yet"),
            });
        }
        return new EligibilityResult(checks.All(c => c.Met), checks);
    }

    /// <summary>
    /// Whether an application is eligible: a staff override wins, then the imported record, then the rules.
    /// </summary>
    public static bool Decide(bool? staffOverride, bool? imported, EligibilityResult rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return staffOverride ?? imported ?? rules.Eligible;
    }
}
