namespace Upon.Shared.Privacy;

/// <summary>
/// A record the equality figures count as a BALI graduate's when it says so itself, or when its address is on the list
/// of graduates (Aspirant Directors applications). Erasure replaces the address, so before it does, the figure's answer
/// is written into the record (<see cref="IErasureFigures"/>): the figures stay the same without the address.
/// </summary>
public interface IBaliGraduateFlag
{
    string Email { get; }

    bool BaliGraduate { get; set; }
}
