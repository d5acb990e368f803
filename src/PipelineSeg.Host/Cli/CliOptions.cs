using System.CommandLine;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// The options several commands share, built in one place so that a name and its short form mean the same thing in
/// every command (<c>-i</c> input, <c>-o</c> output, <c>-p</c> pipeline; <c>--json</c> for machine-readable results).
/// </summary>
internal static class CliOptions
{
    /// <summary><c>--input</c>/<c>-i</c>: what the command reads.</summary>
    public static Option<string> Input(string description, bool required = true) =>
        new("--input", "-i") { Description = description, Required = required, HelpName = "path" };

    /// <summary><c>--input</c>/<c>-i</c> that must exist (a folder when <paramref name="folderOnly"/>): otherwise a usage error.</summary>
    public static Option<string> ExistingInput(string description, bool folderOnly = false)
    {
        var option = Input(description);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { } value)
            {
                return;
            }
            if (folderOnly && File.Exists(value))
            {
                result.AddError($"--input '{value}' is a file; give the folder that holds the series");
            }
            else if (!CliPaths.Exists(value))
            {
                result.AddError($"--input '{value}' does not exist");
            }
        });
        return option;
    }

    /// <summary><c>--output</c>/<c>-o</c>: where the command writes.</summary>
    public static Option<string> Output(string description) =>
        new("--output", "-o") { Description = description, Required = true, HelpName = "path" };

    /// <summary><c>--pipeline</c>/<c>-p</c>: a pipeline name from configuration.</summary>
    public static Option<string?> Pipeline() =>
        new("--pipeline", "-p") { Description = "Pipeline name from configuration (default: Inference:DefaultPipeline)", HelpName = "name" };

    /// <summary><c>--plugins</c>: the plugins folder.</summary>
    public static Option<DirectoryInfo?> Plugins() =>
        new("--plugins") { Description = "Plugins folder (default: Plugins:Directory, next to the binary)", HelpName = "dir" };

    /// <summary>Configuration overrides a command starts from: <c>--plugins</c>, when given, replaces Plugins:Directory.</summary>
    public static Dictionary<string, string?> PluginsOverride(ParseResult parse, Option<DirectoryInfo?> plugins)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(plugins) is { } dir)
        {
            overrides["Plugins:Directory"] = dir.FullName;
        }
        return overrides;
    }

    /// <summary><c>--backend</c>: the execution backend of every model (Inference:Backend).</summary>
    public static Option<string?> Backend()
    {
        var option = new Option<string?>("--backend")
        {
            Description = "Execution backend for every model: builtin, torch or onnx (default: Inference:Backend, else each model's own)",
            HelpName = "builtin|torch|onnx",
        };
        option.AcceptOnlyFromAmong("builtin", "torch", "onnx");
        return option;
    }

    /// <summary><c>--device</c>: where the torch and onnx backends run (Inference:Device).</summary>
    public static Option<string?> Device()
    {
        var option = new Option<string?>("--device")
        {
            Description = "Device of the torch/onnx backends: cpu, cuda, cuda:N or auto (CUDA when present, else CPU; default: Inference:Device)",
            HelpName = "cpu|cuda|cuda:N|auto",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && global::PipelineSeg.Plugins.Abstractions.ExecutionDevice.TryParse(value) is null)
            {
                result.AddError($"--device '{value}' is not cpu, cuda, cuda:N or auto");
            }
        });
        return option;
    }

    /// <summary><c>--precision</c>: the type the torch backend computes in (Inference:Precision).</summary>
    public static Option<string?> Precision()
    {
        var option = new Option<string?>("--precision")
        {
            Description = "Type the torch backend computes in: fp32, fp16 (CUDA) or bf16 (default: Inference:Precision, fp32)",
            HelpName = "fp32|fp16|bf16",
        };
        option.AcceptOnlyFromAmong("fp32", "fp16", "bf16");
        return option;
    }

    /// <summary>Adds <c>--backend</c>/<c>--device</c>/<c>--precision</c> values to configuration overrides.</summary>
    public static void AddExecutionOverrides(ParseResult parse, Option<string?> backend, Option<string?> device, Option<string?> precision, Dictionary<string, string?> overrides)
    {
        if (parse.GetValue(precision) is { } p)
        {
            overrides["Inference:Precision"] = p;
        }
        if (parse.GetValue(backend) is { } b)
        {
            overrides["Inference:Backend"] = b;
        }
        if (parse.GetValue(device) is { } d)
        {
            overrides["Inference:Device"] = d;
        }
    }

    /// <summary><c>--json</c>: the result as JSON on standard output (diagnostics stay on standard error).</summary>
    public static Option<bool> Json() =>
        new("--json") { Description = "Write the result as JSON on standard output" };

    /// <summary>
    /// An option restricted to lowercase words, shown as <c>&lt;a|b|c&gt;</c> in help exactly as it is typed
    /// (an enum option would show the CLR names).
    /// </summary>
    public static Option<string> Choice(string name, string alias, string description, string defaultValue, params string[] values)
    {
        var option = new Option<string>(name, alias)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join('|', values),
        };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
