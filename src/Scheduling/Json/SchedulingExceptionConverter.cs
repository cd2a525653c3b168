using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// A <see cref="SchedulingException"/> as <c>{"code":"INVALID_ARGUMENT","field":"rule","message":"..."}</c>: what a
/// caller needs to act on it. Reading gives an exception with the same code, field and message; the inner exception
/// and the stack trace are not part of the wire form.
/// </summary>
internal sealed class SchedulingExceptionConverter : JsonConverter<SchedulingException>
{
    public override SchedulingException Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFailure.ExpectToken(ref reader, JsonTokenType.StartObject, "an error: {\"code\":...,\"field\":...,\"message\":...}");
        SchedulingErrorCode? code = null;
        string? field = null, message = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "code":
                    code = JsonValues.Read<SchedulingErrorCode>(ref reader, options);
                    break;
                case "field":
                    field = reader.TokenType == JsonTokenType.Null ? null : JsonFailure.ReadString(ref reader, "the field at fault, or null");
                    break;
                case "message":
                    message = JsonFailure.ReadString(ref reader, "the error's message");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return code is { } known && message is not null
            ? new SchedulingException(known, message, field)
            : throw JsonFailure.Because("An error needs a code and a message.");
    }

    public override void Write(Utf8JsonWriter writer, SchedulingException value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("code");
        JsonValues.Write(writer, value.Code, options);
        if (value.Field is { } field)
        {
            writer.WriteString("field", field);
        }
        else
        {
            writer.WriteNull("field");
        }

        writer.WriteString("message", value.Message);
        writer.WriteEndObject();
    }
}
