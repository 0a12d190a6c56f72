namespace Upon.Shared;

/// <summary>
/// Marks an entity whose saves the audit log must not record. Only for anonymous records: the audit line of a save names
/// who saved it and when, which is exactly what an anonymous record must not keep. Each use says why.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
