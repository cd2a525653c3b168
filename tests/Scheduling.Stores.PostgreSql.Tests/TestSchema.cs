using Npgsql;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// A fresh, empty PostgreSQL schema for one test, in the database SCHEDULING_POSTGRES names: connections made from
/// <see cref="ConnectionString"/> create and find their tables there (<c>Search Path</c>). Dropped, with everything in
/// it, on dispose.
/// </summary>
public sealed class TestSchema : IAsyncDisposable
{
    /// <summary>The environment variable that holds the Npgsql connection string of the test database.</summary>
    public const string Variable = "SCHEDULING_POSTGRES";

    private static readonly Lazy<NpgsqlDataSource> Admin = new(() => NpgsqlDataSource.Create(BaseConnectionString));

    private readonly List<NpgsqlDataSource> _dataSources = [];
    private NpgsqlDataSource? _operator;

    private TestSchema(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(BaseConnectionString) { SearchPath = name }.ConnectionString;
    }

    /// <summary>Gets the connection string of the test database, from <see cref="Variable"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: it must hold an Npgsql connection string to a PostgreSQL database the tests may create schemas in. "
                + "Run `source .ci/postgres.sh && postgres_start` to start a throwaway server and set it.");

    /// <summary>Gets the schema's name.</summary>
    public string Name { get; }

    /// <summary>Gets a connection string whose search path is this schema.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty schema with a unique name.</summary>
    public static async Task<TestSchema> CreateAsync()
    {
        var schema = new TestSchema($"test_{Guid.NewGuid():N}");
        await using var command = Admin.Value.CreateCommand($"CREATE SCHEMA {schema.Name}");
        await command.ExecuteNonQueryAsync();
        return schema;
    }

    /// <summary>Creates an empty schema and applies the migrations to it.</summary>
    public static async Task<TestSchema> CreateMigratedAsync()
    {
        var schema = await CreateAsync();
        await PostgreSqlSchema.MigrateAsync(schema.ConnectionString);
        return schema;
    }

    /// <summary>
    /// A data source of its own over this schema (another pool of connections, as another host would have), disposed
    /// with the schema.
    /// </summary>
    public NpgsqlDataSource NewDataSource(Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        configure?.Invoke(builder);
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }

        return dataSource;
    }

    /// <summary>Runs a statement on a connection outside every store (as an operator would, or another process).</summary>
    public async Task<object?> ExecuteScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        _operator ??= NewDataSource();
        await using var command = _operator.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Ends the backend of <paramref name="connection"/> from another connection, as an operator or a crash would, and
    /// waits until it is gone.
    /// </summary>
    public static async Task TerminateAsync(NpgsqlConnection connection)
    {
        var pid = connection.ProcessID;
        await using var terminate = Admin.Value.CreateCommand("SELECT pg_terminate_backend(@pid, 5000)");
        terminate.Parameters.AddWithValue("pid", pid);
        (await terminate.ExecuteScalarAsync()).Should().Be(true, "backend {0} should end", pid);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        await using var command = Admin.Value.CreateCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
