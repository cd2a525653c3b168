using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// Reads and writes one type by its <see cref="RecordShape"/>. Reading calls the public constructor with the
/// properties that name its parameters, then sets the others; what the constructor or a setter refuses, and a missing
/// constructor parameter or <c>required</c> member, is a <see cref="JsonException"/>. Properties it does not know are
/// skipped, as System.Text.Json does (unless the options disallow unmapped members).
/// </summary>
/// <typeparam name="T">The type converted.</typeparam>
internal sealed class RecordConverter<T> : JsonConverter<T>
    where T : class
{
    private readonly RecordShape _shape;

    public RecordConverter(RecordShape shape)
    {
        _shape = shape;
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFailure.ExpectToken(ref reader, JsonTokenType.StartObject, $"a {typeof(T).Name} object");
        var members = _shape.Members;
        var values = new object?[members.Length];
        var given = new bool[members.Length];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!_shape.ByName.TryGetValue(name, out var index))
            {
                if (options.UnmappedMemberHandling == JsonUnmappedMemberHandling.Disallow)
                {
                    throw JsonFailure.Because($"{typeof(T).Name} has no '{name}'.");
                }

                reader.Skip();
                continue;
            }

            if (!members[index].IsRead)
            {
                // A derived property (such as a total): written for readers, never read back.
                reader.Skip();
                continue;
            }

            try
            {
                values[index] = members[index].Codec.Read(ref reader, options);
            }
            catch (JsonException exception)
            {
                throw JsonFailure.Because($"'{members[index].Name}' of {typeof(T).Name}: {exception.Message}", exception);
            }

            given[index] = true;
        }

        var parameters = _shape.Constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i].HasDefaultValue ? parameters[i].DefaultValue : null;
        }

        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            if (member.Parameter >= 0)
            {
                if (given[i])
                {
                    arguments[member.Parameter] = values[i];
                }
                else if (!parameters[member.Parameter].HasDefaultValue)
                {
                    throw JsonFailure.Because($"{typeof(T).Name} needs '{member.Name}'.");
                }
            }
            else if (member.Required && !given[i])
            {
                throw JsonFailure.Because($"{typeof(T).Name} needs '{member.Name}'.");
            }
        }

        var instance = (T)Refused(() => _shape.Constructor.Invoke(arguments), null);
        for (var i = 0; i < members.Length; i++)
        {
            if (given[i] && members[i].Settable)
            {
                var member = members[i];
                Refused(() => { member.Property.SetValue(instance, values[i]); return instance; }, member.Name);
            }
        }

        return instance;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var member in _shape.Members)
        {
            var memberValue = member.Property.GetValue(value);
            if (!member.Codec.IsGiven(memberValue)
                || (memberValue is null && options.DefaultIgnoreCondition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault))
            {
                continue;
            }

            writer.WritePropertyName(member.Name);
            member.Codec.Write(writer, memberValue, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Runs a constructor or setter of <typeparamref name="T"/>; what it refuses becomes a <see cref="JsonException"/>.</summary>
    private static object Refused(Func<object> construct, string? member)
    {
        try
        {
            return construct();
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } refusal and not OutOfMemoryException)
        {
            var what = member is null ? typeof(T).Name : $"'{member}' of {typeof(T).Name}";
            throw JsonFailure.Because($"Not a valid {what}: {refusal.Message}", refusal);
        }
    }
}
