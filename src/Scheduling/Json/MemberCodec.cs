using System.Text.Json;

namespace Scheduling.Json;

/// <summary>
/// Reads and writes the value of one property whose type is known only at run time, through the options' converter
/// for that type; an <see cref="Optional{T}"/> property is its value when given and absent when not.
/// </summary>
internal abstract class MemberCodec
{
    public static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);

    public static MemberCodec For(Type type) => (MemberCodec)Activator.CreateInstance(
        IsOptional(type) ? typeof(OptionalCodec<>).MakeGenericType(type.GetGenericArguments()[0]) : typeof(PlainCodec<>).MakeGenericType(type))!;

    /// <summary>Whether the value is written at all (false for an <see cref="Optional{T}"/> not given).</summary>
    public abstract bool IsGiven(object? value);

    public abstract object? Read(ref Utf8JsonReader reader, JsonSerializerOptions options);

    public abstract void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options);

    private sealed class PlainCodec<T> : MemberCodec
    {
        public override bool IsGiven(object? value) => true;

        public override object? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonValues.Read<T>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) => JsonValues.Write(writer, (T)value!, options);
    }

    private sealed class OptionalCodec<T> : MemberCodec
    {
        public override bool IsGiven(object? value) => ((Optional<T>)value!).HasValue;

        public override object? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => new Optional<T>(JsonValues.Read<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) =>
            JsonValues.Write(writer, ((Optional<T>)value!).Value, options);
    }
}
