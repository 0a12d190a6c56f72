using NodaTime;

namespace Upon.Register;

/// <summary>A children's services authority, keyed by its DfE number.</summary>
public class Authority
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public LocalDate? OperatingFrom { get; set; }
    public LocalDate? OperatingTo { get; set; }
    public List<AuthorityGssCode> GssCodes { get; set; } = [];
    public List<Appointment> Appointments { get; set; } = [];

    public Core.Register.OperatingPeriod Period => new(OperatingFrom, OperatingTo);
}

/// <summary>A GSS code the authority has had, with its validity dates (inclusive).</summary>
public class AuthorityGssCode
{
    public required string Code { get; set; }
    public required string AuthorityCode { get; set; }
    public required string Name { get; set; }
    public required string RegionCode { get; set; }
    public LocalDate ValidFrom { get; set; }
    public LocalDate? ValidTo { get; set; }
}

/// <summary>An English region.</summary>
public class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}
