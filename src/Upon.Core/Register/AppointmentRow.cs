namespace Upon.Core.Register;

/// <summary>
/// An appointment reduced to numbers for fast sorting: interned authority and person ids (numbered in ordinal
/// order of the codes), day numbers of its first and last day (<see cref="RegisterIndex.Open"/> while in post),
/// and its position in <see cref="RegisterIndex.Facts"/>.
/// </summary>
internal readonly record struct AppointmentRow(int Authority, int Person, int Start, int End, int Fact);
