using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;

namespace Scheduling.Stores.Relational;

/// <summary>One checked-in schema script: its version (the number its file name starts with), its name and its SQL.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>
    /// The scripts embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>, in version order.
    /// </summary>
    /// <exception cref="InvalidOperationException">A script's name does not start with its version, two share one, or there is none.</exception>
    public static ImmutableArray<MigrationScript> LoadEmbedded(Assembly assembly, string resourcePrefix)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[resourcePrefix.Length..^".sql".Length];
            var digits = name.TakeWhile(char.IsAsciiDigit).Count();
            if (digits == 0 || !int.TryParse(name[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                throw new InvalidOperationException($"Migration script '{name}.sql' must start with its version number, as in '0001_sessions.sql'.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Migration scripts '{scripts[i - 1].Name}.sql' and '{scripts[i].Name}.sql' share version {scripts[i].Version}.");
            }
        }

        return scripts.Count > 0 ? [.. scripts] : throw new InvalidOperationException("No migration scripts are embedded in the assembly.");
    }
}
