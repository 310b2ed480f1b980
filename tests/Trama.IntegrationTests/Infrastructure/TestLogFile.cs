using System.Text;
using Microsoft.Extensions.Logging;

namespace Trama.IntegrationTests.Infrastructure;

/// Appends every log line of every app under test (message, state and exception) to
/// TRAMA_TEST_LOG; ./test.sh then looks for the demo people's names and fiscal codes in it.
public sealed class TestLogFile(string path) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder()
                .Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(" |").Append(key).Append('=').Append(value);
                }
            }

            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            lock (Gate)
            {
                File.AppendAllText(path, line.AppendLine().ToString());
            }
        }
    }
}
