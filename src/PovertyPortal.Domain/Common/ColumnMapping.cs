using System.Text.Json;

namespace PovertyPortal.Domain.Common;

/// <summary>
/// A list's column mapping (field → the file's header) as the JSON kept with a county's source or batch, proposed again
/// at the next upload of the same list.
/// </summary>
public static class ColumnMapping
{
    public static IReadOnlyDictionary<TField, string> Read<TField>(string json) where TField : struct, Enum
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        var mapping = new Dictionary<TField, string>();
        foreach (var (field, header) in stored)
        {
            // A field renamed or dropped since the save is forgotten, not an error.
            if (Enum.TryParse<TField>(field, out var f) && !string.IsNullOrWhiteSpace(header)) mapping[f] = header;
        }
        return mapping;
    }

    public static string Write<TField>(IReadOnlyDictionary<TField, string> mapping) where TField : struct, Enum =>
        JsonSerializer.Serialize(mapping.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value.Trim()));
}
