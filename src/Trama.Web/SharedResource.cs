namespace Trama.Web;

/// Anchor for the one shared string table: Resources/SharedResource.it.resx and .en.resx.
public sealed class SharedResource;
