using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;
using PipelineSeg.Host.Options.Validation;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Outputs.Nifti;
using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Host.Tests.Composition;

public sealed class ResultWriterCatalogTests
{
    private static readonly ResultWriterCatalog Catalog = new([new NiftiResultWriter()]);

    [SkippableFact]
    public void Seg_is_written_by_the_pipeline_and_the_others_are_writers_in_the_order_named()
    {
        var (writeSeg, writers) = Catalog.Resolve(["nifti", "seg"], "--outputs");
        Assert.True(writeSeg);
        Assert.Equal(["nifti"], writers.Select(w => w.Name));
        Assert.False(Catalog.Resolve(["nifti"], "--outputs").WriteSeg);
    }

    [SkippableFact]
    public void A_known_output_without_its_writer_is_not_installed_naming_the_setting()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Catalog.Resolve(["seg", "html"], "--outputs"));
        Assert.Contains("--outputs: output 'html' is not installed in this build (installed: seg, nifti)", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unknown_or_empty_list_is_refused()
    {
        Assert.Contains("unknown output 'stl'", Assert.Throws<KeyNotFoundException>(() => Catalog.Resolve(["stl"], "--outputs")).Message, StringComparison.Ordinal);
        Assert.Contains("names no output", Assert.Throws<KeyNotFoundException>(() => Catalog.Resolve([], "--outputs")).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void At_start_up_a_pipeline_naming_an_output_this_build_lacks_fails_naming_the_setting()
    {
        var options = new PipelinesOptions();
        var liver = new PipelineDefinition { Model = "m" };
        liver.Outputs.AddRange(["seg", "html"]);
        options.Definitions["liver"] = liver;
        options.Definitions["plain"] = new PipelineDefinition { Model = "m" };

        var result = new PipelineOutputsValidator(Catalog).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(["Pipelines:liver:Outputs: output 'html' is not installed in this build (installed: seg, nifti)"], result.Failures);
    }
}
