using Google.OrTools.Sat;

namespace Upon.Core.Aspirants;

/// <summary>One participant to place in an action learning set, with what the sets are balanced by.</summary>
/// <param name="Id">The caller's identifier for the member.</param>
/// <param name="AuthorityCode">The authority they work in; no two members of a set share one. Null for another employer.</param>
/// <param name="RegionCode">The region of their authority, mixed across the sets; null when not known.</param>
/// <param name="Sex">Their sex as a code (<c>female</c>, <c>male</c>); null when not known or not said.</param>
/// <param name="GlobalMajority">Whether they are of the global majority; null when not known or not said.</param>
/// <param name="AuthorityKind">The kind of authority (a county, a metropolitan district ...); null for none.</param>
public sealed record SetMember(int Id, string? AuthorityCode, string? RegionCode, string? Sex, bool? GlobalMajority, string? AuthorityKind);

/// <summary>The sets formed, each a list of member ids, and whether the solver proved them the best balance.</summary>
/// <param name="Sets">The sets, each with its members' ids in ascending order, ordered by their first member.</param>
/// <param name="Optimal">True when the solver proved no better balance exists; false when it stopped at its time limit.</param>
public sealed record LearningSetPlan(IReadOnlyList<IReadOnlyList<int>> Sets, bool Optimal);

/// <summary>Why some members cannot be formed into sets of five or six.</summary>
public sealed class LearningSetException(string message) : Exception(message);

/// <summary>
/// Forms a cohort's action learning sets with the CP-SAT constraint solver (Google OR-Tools). The rules that must hold:
/// every member in exactly one set; each set of five or six (<see cref="MinSize"/>, <see cref="MaxSize"/>); no two
/// members of a set from the same authority. Then, as far as the cohort allows, it minimises: members of a set from
/// the same region beyond the first, the second and so on (so regions are mixed), and for each of sex, global majority and kind of authority,
/// how far each set's count of each value is from that value's share of the cohort (|n x count - cohort count x set
/// size|, summed). Members with no value for a characteristic are not counted for it.
/// </summary>
public static class LearningSets
{
    /// <summary>The smallest set.</summary>
    public const int MinSize = 5;

    /// <summary>The largest set.</summary>
    public const int MaxSize = 6;

    /// <summary>How many sets <paramref name="members"/> make: as few as fit in sets of six; null when no number of sets of five or six holds exactly that many.</summary>
    public static int? SetCount(int members)
    {
        if (members < MinSize)
        {
            return null;
        }
        var sets = (members + MaxSize - 1) / MaxSize;
        return sets * MinSize <= members ? sets : null;
    }

    /// <summary>
    /// The problems with sets as staff arranged them, in words: a set of the wrong size, two members from one authority.
    /// Empty when the sets keep every rule.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<IReadOnlyList<SetMember>> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var problems = new List<string>();
        for (var s = 0; s < sets.Count; s++)
        {
            var set = sets[s];
            if (set.Count is < MinSize or > MaxSize)
            {
                problems.Add($"Set {s + 1} has {set.Count} members: a set has five or six");
            }
            foreach (var shared in set.Where(m => m.AuthorityCode is not null).GroupBy(m => m.AuthorityCode).Where(g => g.Count() > 1))
            {
                problems.Add($"Set {s + 1} has {shared.Count()} members from authority {shared.Key}: no two members of a set may be from the same authority");
            }
        }
        return problems;
    }

    /// <summary>
    /// How far a set is from the cohort's mix for one characteristic, as the solver measures it: the largest, over the
    /// characteristic's values, of |members of the set with the value - (cohort members with the value / cohort members)
    /// x set members|. 0 when the set has each value in the cohort's proportion; members with no value count towards
    /// the sizes only.
    /// </summary>
    /// <param name="set">The set's members.</param>
    /// <param name="cohort">Every member of every set.</param>
    /// <param name="value">The characteristic (a code, or null when not known).</param>
    public static double Imbalance(IReadOnlyList<SetMember> set, IReadOnlyList<SetMember> cohort, Func<SetMember, string?> value)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(value);
        if (cohort.Count == 0)
        {
            return 0;
        }
        return cohort.Select(value).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(v => Math.Abs(set.Count(m => value(m) == v) - (double)cohort.Count(m => value(m) == v) / cohort.Count * set.Count))
            .DefaultIfEmpty(0).Max();
    }

    /// <summary>Forms the sets; throws <see cref="LearningSetException"/> when the rules cannot all hold.</summary>
    /// <param name="members">The members, each once.</param>
    /// <param name="maxSeconds">The solver's time limit; it returns the best sets found by then.</param>
    public static LearningSetPlan Form(IReadOnlyList<SetMember> members, double maxSeconds = 10)
    {
        ArgumentNullException.ThrowIfNull(members);
        var n = members.Count;
        if (members.Select(m => m.Id).Distinct().Count() != n)
        {
            throw new ArgumentException("Each member may be given once.", nameof(members));
        }
        if (SetCount(n) is not { } k)
        {
            throw new LearningSetException($"{n} people cannot be divided into sets of five or six.");
        }
        var largestAuthority = members.Where(m => m.AuthorityCode is not null).GroupBy(m => m.AuthorityCode).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).FirstOrDefault();
        if (largestAuthority.Count > k)
        {
            throw new LearningSetException($"{largestAuthority.Count} people are from authority {largestAuthority.Key}, more than the {k} sets: two of them would share a set.");
        }

        var model = new CpModel();
        var x = new BoolVar[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < k; s++)
            {
                x[i, s] = model.NewBoolVar($"x_{i}_{s}");
            }
            model.AddExactlyOne(Enumerable.Range(0, k).Select(s => x[i, s]));
        }
        var sizes = new IntVar[k];
        for (var s = 0; s < k; s++)
        {
            sizes[s] = model.NewIntVar(MinSize, MaxSize, $"size_{s}");
            model.Add(LinearExpr.Sum(Enumerable.Range(0, n).Select(i => x[i, s])) == sizes[s]);
        }
        foreach (var group in Enumerable.Range(0, n).Where(i => members[i].AuthorityCode is not null).GroupBy(i => members[i].AuthorityCode).Where(g => g.Count() > 1))
        {
            for (var s = 0; s < k; s++)
            {
                model.AddAtMostOne(group.Select(i => x[i, s]));
            }
        }
        // Sets are interchangeable: the first member goes in the first set, which removes some equal solutions.
        model.Add(x[0, 0] == 1);

        var penalties = new List<LinearExpr>();
        foreach (var group in Enumerable.Range(0, n).Where(i => members[i].RegionCode is not null).GroupBy(i => members[i].RegionCode).Where(g => g.Count() > 1))
        {
            for (var s = 0; s < k; s++)
            {
                // Members of the region beyond the first, beyond the second, ...: growing faster than the count, so
                // two pairs cost less than three from one region.
                var count = LinearExpr.Sum(group.Select(i => x[i, s]));
                for (var beyond = 1; beyond < MaxSize; beyond++)
                {
                    var excess = model.NewIntVar(0, MaxSize, $"region_{group.Key}_{s}_{beyond}");
                    model.Add(excess >= count - beyond);
                    penalties.Add(LinearExpr.Term(excess, n));
                }
            }
        }
        Balance(model, members, x, sizes, k, m => m.Sex, penalties, "sex");
        Balance(model, members, x, sizes, k, m => m.GlobalMajority is { } g ? (g ? "gm" : "white") : null, penalties, "gm");
        Balance(model, members, x, sizes, k, m => m.AuthorityKind, penalties, "kind");
        if (penalties.Count > 0)
        {
            model.Minimize(LinearExpr.Sum(penalties));
        }

        var solver = new CpSolver
        {
            // One worker and a fixed seed: the same cohort gives the same sets.
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"max_time_in_seconds:{maxSeconds} num_workers:1 random_seed:1"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            throw new LearningSetException("No arrangement keeps every member of a set from a different authority.");
        }
        var sets = Enumerable.Range(0, k)
            .Select(s => (IReadOnlyList<int>)[.. Enumerable.Range(0, n).Where(i => solver.Value(x[i, s]) == 1).Select(i => members[i].Id).Order()])
            .OrderBy(s => s[0])
            .ToList();
        return new LearningSetPlan(sets, status == CpSolverStatus.Optimal);
    }

    private static void Balance(CpModel model, IReadOnlyList<SetMember> members, BoolVar[,] x, IntVar[] sizes, int k, Func<SetMember, string?> value, List<LinearExpr> penalties, string name)
    {
        var n = members.Count;
        foreach (var group in Enumerable.Range(0, n).Where(i => value(members[i]) is not null).GroupBy(i => value(members[i])))
        {
            var total = group.Count();
            if (total == n)
            {
                // Everyone alike: every set is as balanced as it can be.
                continue;
            }
            for (var s = 0; s < k; s++)
            {
                // |n x count - total x size|, the distance from the value's share of the cohort, in units of 1/n.
                var deviation = model.NewIntVar(0, n * MaxSize, $"{name}_{group.Key}_{s}");
                var gap = LinearExpr.Sum(group.Select(i => x[i, s])) * n - LinearExpr.Term(sizes[s], total);
                model.Add(deviation >= gap);
                model.Add(deviation >= -gap);
                penalties.Add(deviation);
            }
        }
    }
}
