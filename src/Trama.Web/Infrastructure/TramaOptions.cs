namespace Trama.Web.Infrastructure;

/// The `Trama` configuration section.
public sealed class TramaOptions
{
    public const string Section = "Trama";

    public string DataDirectory { get; set; } = "data";

    /// Loads the fictional demo programmes and users once, and lets demo accounts sign in.
    public bool DemoData { get; set; }
}
