using System.CommandLine;

namespace PipelineSeg.Host.Cli.Models;

/// <summary>Options of <c>models verify|new</c> that name an existing file or give network parameters.</summary>
internal static class ModelFileOptions
{
    /// <summary>A required file option that must exist (otherwise a usage error naming it).</summary>
    public static Option<FileInfo> ExistingFile(string name, string description, string? alias = null)
    {
        var option = alias is null ? new Option<FileInfo>(name) : new Option<FileInfo>(name, alias);
        option.Description = description;
        option.Required = true;
        option.HelpName = "file";
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file)
            {
                result.AddError($"{name} '{file.FullName}' does not exist");
            }
        });
        return option;
    }

    /// <summary><c>--params JSON</c>: the reference constructor's arguments plus a preset.</summary>
    public static Option<string?> Parameters() => new("--params")
    {
        Description = "The reference implementation's constructor arguments plus \"preset\", as a JSON object, e.g. "
            + "{\"preset\":\"milesial\",\"n_channels\":1,\"n_classes\":2,\"bilinear\":false}",
        HelpName = "json",
    };

    /// <summary><c>--plugin NAME</c>: a family plugin by id, folder name or family.</summary>
    public static Option<string> Plugin() => new("--plugin")
    {
        Description = "Model family plugin: its id, folder name or family (unet, segnet, deeplabv3, cyclegan)",
        Required = true,
        HelpName = "name",
    };
}
