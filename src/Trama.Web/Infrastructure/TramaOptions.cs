namespace Trama.Web.Infrastructure;

/// The `Trama` configuration section.
public sealed class TramaOptions
{
    public const string Section = "Trama";

    public string DataDirectory { get; set; } = "data";

    /// Loads the fictional demo programmes and users once, and lets demo accounts sign in.
    public bool DemoData { get; set; }

    /// Maps the benchmark's framework-ceiling endpoint (Features/Benchmark); only the benchmark sets it.
    public bool BenchmarkCeilings { get; set; }

    public SecurityOptions Security { get; set; } = new();
}

/// The `Trama:Security` section.
public sealed class SecurityOptions
{
    /// Staff who reach person data must sign in with a second factor (TOTP). Demo accounts are
    /// exempt: they only exist in demo mode.
    public bool RequireTwoFactor { get; set; } = true;

    /// A session with no request for this long ends.
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// Login, second-factor and recovery-code submissions allowed per client address per minute.
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// The largest file accepted as an upload (a receipt), in bytes.
    public long MaxUploadBytes { get; set; } = Features.Budget.Upload.DefaultMaxBytes;
}
