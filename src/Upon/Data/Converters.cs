using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Upon.Data;

/// <summary>Stores a NodaTime <see cref="LocalDate"/> as a date (<c>date</c> on PostgreSQL, ISO text on SQLite, which sorts).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));

/// <summary>Stores an <see cref="Instant"/> as a UTC timestamp.</summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(i => i.ToDateTimeUtc(), d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

/// <summary>Stores a <see cref="LocalDateTime"/> (a wall-clock time in Europe/London) as a timestamp without time zone.</summary>
public sealed class LocalDateTimeConverter() : ValueConverter<LocalDateTime, DateTime>(
    d => d.ToDateTimeUnspecified(), d => LocalDateTime.FromDateTime(DateTime.SpecifyKind(d, DateTimeKind.Unspecified)));
