using System.Text.Json;

namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>Reads <c>models verify --json</c> and asserts parity.</summary>
internal static class VerifyAssert
{
    public const double Tolerance = 1e-4;

    /// <summary>Exit 0, "passed", and the max abs difference within 1e-4; returns the difference.</summary>
    public static double Passes(ExternalToolResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardOutput} {result.StandardError}");
        using var json = JsonDocument.Parse(result.StandardOutput);
        var difference = json.RootElement.GetProperty("maxAbsDifference").GetDouble();
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.InRange(difference, 0, Tolerance);
        return difference;
    }
}
