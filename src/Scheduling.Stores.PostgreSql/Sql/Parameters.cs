using Npgsql;
using NpgsqlTypes;
using Scheduling.Attendance;
using Scheduling.Sessions;

namespace Scheduling.Stores.PostgreSql.Sql;

/// <summary>Typed parameters of the stores' statements (typed, so a query plans the same whatever the value).</summary>
internal static class Parameters
{
    public static NpgsqlParameter<string> Text(string name, string value) => new(name, NpgsqlDbType.Text) { TypedValue = value };

    public static NpgsqlParameter<string[]> TextArray(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    public static NpgsqlParameter<string?[]> NullableTextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    public static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = value is null ? DBNull.Value : value };

    public static NpgsqlParameter<long> Bigint(string name, long value) => new(name, NpgsqlDbType.Bigint) { TypedValue = value };

    public static NpgsqlParameter NullableBigint(string name, long? value) =>
        new(name, NpgsqlDbType.Bigint) { Value = value is long some ? some : DBNull.Value };

    public static NpgsqlParameter<long[]> BigintArray(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. values] };

    public static NpgsqlParameter<long?[]> NullableBigintArray(string name, IEnumerable<long?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. values] };

    public static NpgsqlParameter<short> Smallint(string name, short value) => new(name, NpgsqlDbType.Smallint) { TypedValue = value };

    public static NpgsqlParameter<short[]> SmallintArray(string name, IEnumerable<short> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = [.. values] };

    public static NpgsqlParameter<int> Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { TypedValue = value };

    public static NpgsqlParameter<int[]> IntegerArray(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. values] };

    public static NpgsqlParameter<short[]> Types(string name, IEnumerable<SessionType> types) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = [.. types.Select(t => (short)t)] };

    public static NpgsqlParameter<short[]> Statuses(string name, IEnumerable<AttendanceStatus> statuses) =>
        SmallintArray(name, statuses.Select(s => (short)s));
}
