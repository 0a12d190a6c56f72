namespace Upon.Core.Register;

/// <summary>An authority as the turnover figures see it: its DfE number and operating period.</summary>
public sealed record AuthorityFact(string Code, OperatingPeriod Period);
