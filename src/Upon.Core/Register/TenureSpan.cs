namespace Upon.Core.Register;

/// <summary>
/// A tenure in numbers: interned authority and person, day numbers of its first and last day
/// (<see cref="RegisterIndex.Open"/> while running), and the appointments that supply its first and last day.
/// </summary>
internal readonly record struct TenureSpan(int Authority, int Person, int Start, int End, int StartFact, int EndFact);
