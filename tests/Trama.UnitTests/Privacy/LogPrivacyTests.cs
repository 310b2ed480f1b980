using Trama.Web.Features.Demo;

namespace Trama.UnitTests.Privacy;

/// Runs last in ./test.sh, over the log every app of the whole test run wrote (TRAMA_TEST_LOG).
[Trait("Category", "LogAudit")]
public sealed class LogPrivacyTests
{
    private static string? LogFile => Environment.GetEnvironmentVariable("TRAMA_TEST_LOG");

    [Fact]
    public void TestRunLog_WasWrittenByTheAppsUnderTest()
    {
        Assert.SkipWhen(LogFile is null, "TRAMA_TEST_LOG is not set: ./test.sh runs this after the whole suite");
        Assert.True(File.Exists(LogFile), $"{LogFile} does not exist");
        Assert.Contains("Demo data loaded", File.ReadAllText(LogFile), StringComparison.Ordinal);
    }

    [Fact]
    public void TestRunLog_HoldsNoDemoPersonNameOrFiscalCode()
    {
        Assert.SkipWhen(LogFile is null, "TRAMA_TEST_LOG is not set: ./test.sh runs this after the whole suite");
        var log = File.ReadAllText(LogFile!);
        var leaked = DemoData.PersonalIdentifiers()
            .Where(identifier => log.Contains(identifier, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(leaked);
    }
}
