namespace Upon.Register;

/// <summary>A person in the register, with the stable identifier they have in the source (<c>person_id</c>).</summary>
public class Person
{
    public int Id { get; set; }
    public required string PersonId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string? Email { get; set; }
    public List<Appointment> Appointments { get; set; } = [];

    public string FullName => $"{GivenName} {FamilyName}";
}
