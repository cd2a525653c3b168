using Npgsql;
using Scheduling.Stores.PostgreSql;

// In the namespace of SchedulingBuilder (the one folder whose namespace is not its path), so that the usual
// `using Microsoft.Extensions.DependencyInjection;` finds UsePostgreSql wherever it finds AddScheduling.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL stores: <c>services.AddScheduling(s => s.UsePostgreSql(connectionString))</c>.</summary>
public static class PostgreSqlSchedulingBuilderExtensions
{
    /// <summary>
    /// Keeps sessions, recurring sessions, attendance and the cursor key in the PostgreSQL database <paramref name="connectionString"/>
    /// names, in the first schema of its search path, migrated on first use unless <paramref name="options"/> say
    /// otherwise. Each store keeps its own connection pool; to share one with the rest of the host, pass a data source
    /// instead.
    /// </summary>
    /// <param name="builder">The Scheduling builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">Store options, or null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Two registrations use the same stores when their connection strings are the same once Npgsql has read them,
    /// less the password (which no error ever shows), with equal store options.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is empty or not one Npgsql reads.</exception>
    public static SchedulingBuilder UsePostgreSql(this SchedulingBuilder builder, string connectionString, PostgreSqlStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("UsePostgreSql needs a connection string.", nameof(connectionString));
        }

        NpgsqlConnectionStringBuilder database;
        try
        {
            database = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"UsePostgreSql: the connection string is not valid: {exception.Message}", nameof(connectionString), exception);
        }

        return builder
            .UseStores(
                _ => new PostgreSqlSessionStore(connectionString, options),
                _ => new PostgreSqlRecurringSessionStore(connectionString, options),
                _ => new PostgreSqlAttendanceStore(connectionString, options))
            .UseCursorKeyStore(_ => new PostgreSqlCursorKeyStore(connectionString, options))
            .DescribeStores($"PostgreSQL database '{database}'", ("PostgreSQL", Canonical(database), options ?? PostgreSqlStoreOptions.Default));
    }

    /// <summary>
    /// Keeps sessions, recurring sessions, attendance and the cursor key in PostgreSQL through the data source
    /// <paramref name="dataSource"/> gives (for example one the host registered itself), which the host keeps and
    /// disposes.
    /// </summary>
    /// <param name="builder">The Scheduling builder.</param>
    /// <param name="dataSource">Gets the data source from the host's services.</param>
    /// <param name="options">Store options, or null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Two registrations use the same stores when they pass the same factory (a method group or a lambda that captures nothing compares equal) with equal store options.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is null.</exception>
    public static SchedulingBuilder UsePostgreSql(this SchedulingBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource, PostgreSqlStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder
            .UseStores(
                provider => new PostgreSqlSessionStore(dataSource(provider), options),
                provider => new PostgreSqlRecurringSessionStore(dataSource(provider), options),
                provider => new PostgreSqlAttendanceStore(dataSource(provider), options))
            .UseCursorKeyStore(provider => new PostgreSqlCursorKeyStore(dataSource(provider), options))
            .DescribeStores("PostgreSQL through the data source given to UsePostgreSql", ("PostgreSQL", dataSource, options ?? PostgreSqlStoreOptions.Default));
    }

    /// <summary>The connection string's settings in one order, so that two spellings of one database compare equal.</summary>
    private static string Canonical(NpgsqlConnectionStringBuilder connection) =>
        string.Join(';', connection.Keys.Cast<string>().Order(StringComparer.OrdinalIgnoreCase).Select(key => $"{key}={connection[key]}"));
}
