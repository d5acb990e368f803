using System.Text.Json;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// The durable delivery queue: one JSON file per pending delivery under <c>&lt;data&gt;/deliveries</c>, replaced
/// atomically (temporary file + rename) on every change and deleted once everything is delivered. It survives
/// restarts; the job journal can take its place later.
/// </summary>
internal sealed class PendingDeliveries(ServiceDirectories directories)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    /// <summary>The folder.</summary>
    public string Folder => Path.Combine(directories.Data, "deliveries");

    /// <summary>Adds <paramref name="delivery"/> unless one with its id is already pending; true when added.</summary>
    public bool TryAdd(PendingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_gate)
        {
            if (File.Exists(PathOf(delivery.Id)))
            {
                return false;
            }
            Save(delivery);
            return true;
        }
    }

    /// <summary>Replaces the stored state of <paramref name="delivery"/>.</summary>
    public void Save(PendingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (_gate)
        {
            Directory.CreateDirectory(Folder);
            var target = PathOf(delivery.Id);
            var temp = Path.Combine(Folder, $".{delivery.Id}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temp, JsonSerializer.Serialize(delivery, Json));
            File.Move(temp, target, overwrite: true);
        }
    }

    /// <summary>Removes a delivered entry.</summary>
    public void Complete(string id)
    {
        lock (_gate)
        {
            File.Delete(PathOf(id));
        }
    }

    /// <summary>Every pending delivery (unreadable entries are skipped: they stay on disk for a person to look at).</summary>
    public IReadOnlyList<PendingDelivery> All()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var all = new List<PendingDelivery>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<PendingDelivery>(File.ReadAllText(file), Json) is { } delivery)
                {
                    all.Add(delivery);
                }
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // A half-written entry cannot exist (rename), so this is damage: leave it for inspection.
            }
        }
        return all;
    }

    private string PathOf(string id) => Path.Combine(Folder, id + ".json");
}
