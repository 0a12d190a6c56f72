using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// Realistic days on which the demo register was told of each appointment, the same on every runtime: a fifth are
/// announced ahead (1 to 60 days before the start), most are told within a month of it, and one in ten is told late
/// (1 to 7 months after). Never after today.
/// </summary>
public static class DemoRecordedDates
{
    /// <summary>The day the register was told of an appointment of <paramref name="personId"/> starting on <paramref name="start"/>.</summary>
    public static LocalDate For(string personId, LocalDate start, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(personId);
        var hash = StableHash(personId, start);
        var kind = hash % 10;
        var spread = (int)(hash / 10 % 1000);
        var told = kind switch
        {
            < 2 => start.PlusDays(-(1 + spread % 60)),
            9 => start.PlusDays(31 + spread % 180),
            _ => start.PlusDays(spread % 31),
        };
        return told > today ? today : told;
    }

    /// <summary>FNV-1a over the identifier and the start day: unlike <see cref="string.GetHashCode()"/>, the same in every process.</summary>
    private static uint StableHash(string personId, LocalDate start)
    {
        var hash = 2166136261u;
        foreach (var c in personId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        var day = (start.Year * 400) + start.DayOfYear;
        for (var i = 0; i < 4; i++)
        {
            hash = (hash ^ (uint)((day >> (8 * i)) & 0xFF)) * 16777619u;
        }
        return hash;
    }
}
