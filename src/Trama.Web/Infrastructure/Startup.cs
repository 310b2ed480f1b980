using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Trama.Web.Features.Demo;

namespace Trama.Web.Infrastructure;

public static class Startup
{
    /// Written to standard output, not the log: it is for the person who just typed the run command.
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Services.GetRequiredService<IOptions<TramaOptions>>().Value.DemoData;
            var lines = new List<string> { string.Empty, "Trama is running:" };
            lines.AddRange(addresses.Select(a => "  " + a));
            if (demo)
            {
                lines.Add(string.Empty);
                lines.Add($"Demo logins (password for all: {DemoData.Password}):");
                lines.AddRange(DemoData.Users.Select(u => $"  {u.UserName,-20} {u.Role}"));
            }

            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }
}
