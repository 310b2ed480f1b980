namespace Trama.Web.Infrastructure;

/// Instants are stored in UTC and shown on Italian wall-clock time, whatever the server's zone.
public static class ItalianTime
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Rome);

    /// The day in Italy. Dates people enter (referred on, starts on, signed on) are Italian days,
    /// so every "today" they are compared with must be one too, also between 23:00 and 24:00 UTC.
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Rome);
}
