using Npgsql;
using NpgsqlTypes;
using Scheduling.Sessions;

namespace Scheduling.Stores.PostgreSql.Sql;

/// <summary>Typed parameters of the stores' statements (typed, so a query plans the same whatever the value).</summary>
internal static class Parameters
{
    public static NpgsqlParameter<string> Text(string name, string value) => new(name, NpgsqlDbType.Text) { TypedValue = value };

    public static NpgsqlParameter<string[]> TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    public static NpgsqlParameter<long> Bigint(string name, long value) => new(name, NpgsqlDbType.Bigint) { TypedValue = value };

    public static NpgsqlParameter NullableBigint(string name, long? value) =>
        new(name, NpgsqlDbType.Bigint) { Value = value is long some ? some : DBNull.Value };

    public static NpgsqlParameter<long[]> BigintArray(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. values] };

    public static NpgsqlParameter<long?[]> NullableBigintArray(string name, IEnumerable<long?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. values] };

    public static NpgsqlParameter<short> Smallint(string name, short value) => new(name, NpgsqlDbType.Smallint) { TypedValue = value };

    public static NpgsqlParameter<int> Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { TypedValue = value };

    public static NpgsqlParameter<short[]> Types(string name, IEnumerable<SessionType> types) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = [.. types.Select(t => (short)t)] };
}
