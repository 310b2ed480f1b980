using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Trama.UnitTests.Localisation;

/// Reads the .resx files and the sources of the web project straight from the repository.
internal static partial class ResourceFiles
{
    public static string WebProject
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Trama.slnx")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Trama.slnx not found"), "src", "Trama.Web");
        }
    }

    public static IReadOnlyDictionary<string, string> Strings(string language) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    /// Keys written literally in code: L["…"], l["…"], ErrorMessage = "…", Name = "…" (display names).
    public static IReadOnlyList<(string File, string Key)> LiteralKeysInSources()
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralKey().Matches(text))
            {
                found.Add((Path.GetFileName(file), m.Groups["key"].Value));
            }
        }

        return found;
    }

    [GeneratedRegex("""(?:\b[Ll]\["|ErrorMessage = "|\bName = ")(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
