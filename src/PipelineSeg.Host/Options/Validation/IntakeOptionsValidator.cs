using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>
/// Each watched folder needs a path and an output, names a defined pipeline (or none for the default), and no output lies
/// inside a watched folder (its results would be taken for new inputs, again and again).
/// </summary>
internal sealed class IntakeOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.WatchFolders.Count; i++)
        {
            var w = options.WatchFolders[i];
            if (string.IsNullOrWhiteSpace(w.Path))
            {
                errors.Add($"Intake:WatchFolders:{i}:Path is required");
            }
            if (string.IsNullOrWhiteSpace(w.Output))
            {
                errors.Add($"Intake:WatchFolders:{i}:Output is required");
            }
            if (!string.IsNullOrEmpty(w.Pipeline) && !pipelines.Value.Definitions.ContainsKey(w.Pipeline))
            {
                errors.Add($"Intake:WatchFolders:{i}:Pipeline '{w.Pipeline}' is not defined under Pipelines");
            }
        }
        var watched = options.WatchFolders.Where(w => !string.IsNullOrWhiteSpace(w.Path)).Select(w => AppPaths.Resolve(w.Path)).ToList();
        for (var i = 0; i < options.WatchFolders.Count; i++)
        {
            var output = options.WatchFolders[i].Output;
            if (!string.IsNullOrWhiteSpace(output) && watched.FirstOrDefault(p => IsInside(AppPaths.Resolve(output), p)) is { } inside)
            {
                errors.Add($"Intake:WatchFolders:{i}:Output '{output}' is inside the watched folder '{inside}'; choose an output outside every watched folder");
            }
        }
        CheckLayouts(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // work/, done/ and failed/ must be outside the watched folder (or they would be taken for inputs) and each watched
    // folder needs its own (two inboxes in one parent folder would share the default ones).
    private static void CheckLayouts(IntakeOptions options, List<string> errors)
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.WatchFolders.Count; i++)
        {
            var w = options.WatchFolders[i];
            if (string.IsNullOrWhiteSpace(w.Path) || string.IsNullOrWhiteSpace(w.Output))
            {
                continue;
            }
            var layout = Intake.Storage.WatchLayout.Of(w);
            foreach (var (key, folder) in new[] { ("Work", layout.Work), ("Done", layout.Done), ("Failed", layout.Failed) })
            {
                var setting = $"Intake:WatchFolders:{i}:{key}";
                if (IsInside(folder, layout.Inbox))
                {
                    errors.Add($"{setting} '{folder}' is inside the watched folder; choose a folder beside it");
                }
                else if (!used.TryAdd(folder, setting))
                {
                    errors.Add($"{setting} '{folder}' is also {used[folder]}; give each watched folder its own Work, Done and Failed folders");
                }
            }
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var root = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return string.Equals(path.TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
            || path.StartsWith(root, StringComparison.Ordinal);
    }
}
