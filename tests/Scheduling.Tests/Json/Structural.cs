using System.Collections;
using System.Reflection;
using NodaTime;
using Scheduling.Querying;
using Scheduling.Recurrence;

namespace Scheduling.Tests.Json;

/// <summary>
/// Structural comparison for the round-trip tests: lists item by item in order, dictionaries key by key, objects
/// property by property (every public readable property, derived ones included), and values with their own notion of
/// equality (NodaTime values, zones by id, rules, filter trees, <see cref="Sessions.CalendarDateTime"/>) by that.
/// Record equality alone would not do: it compares <c>ImmutableArray</c>s by reference.
/// </summary>
internal static class Structural
{
    /// <summary>The first difference between the two values, as a path and the two sides, or null when they are equal.</summary>
    public static string? Difference(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Differs(path, expected, actual);
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: a {type.Name} became a {actual.GetType().Name}";
        }

        switch (expected)
        {
            case DateTimeZone zone:
                return zone.Id == ((DateTimeZone)actual).Id ? null : Differs(path, expected, actual);
            case RecurrenceRule rule:
                return rule.Equals(actual) && rule.ToString() == actual.ToString() ? null : Differs(path, expected, actual);
            case Exception exception:
                var other = (SchedulingException)actual;
                var error = (SchedulingException)exception;
                return error.Code == other.Code && error.Field == other.Field && error.Message == other.Message ? null : Differs(path, $"{error.Code}/{error.Field}/{error.Message}", $"{other.Code}/{other.Field}/{other.Message}");
            case string or decimal or FilterNode:
                return expected.Equals(actual) ? null : Differs(path, expected, actual);
        }

        if (IsOptional(type))
        {
            var hasValue = type.GetProperty("HasValue")!;
            var given = (bool)hasValue.GetValue(expected)!;
            return given != (bool)hasValue.GetValue(actual)! ? $"{path}: given {given}, read back {!given}"
                : given ? Difference(type.GetProperty("Value")!.GetValue(expected), type.GetProperty("Value")!.GetValue(actual), path)
                : null;
        }

        if (expected is IDictionary dictionary)
        {
            var read = (IDictionary)actual;
            if (dictionary.Count != read.Count)
            {
                return $"{path}: {dictionary.Count} entries became {read.Count}";
            }

            foreach (DictionaryEntry entry in dictionary)
            {
                if (!read.Contains(entry.Key))
                {
                    return $"{path}: key '{entry.Key}' was lost";
                }

                if (Difference(entry.Value, read[entry.Key], $"{path}[{entry.Key}]") is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        if (expected is IEnumerable sequence)
        {
            var left = sequence.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: {left.Count} items became {right.Count}";
            }

            return left.Select((item, i) => Difference(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        if (type.IsPrimitive || type.IsEnum || type.Namespace == "NodaTime" || (type.IsValueType && Overrides(type, "Equals") && !IsOptional(type)))
        {
            return expected.Equals(actual) ? null : Differs(path, expected, actual);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);

    private static bool Overrides(Type type, string method) =>
        type.GetMethod(method, [typeof(object)])?.DeclaringType == type;

    private static string Differs(string path, object? expected, object? actual) => $"{path}: {expected ?? "null"} became {actual ?? "null"}";
}
