using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>junyanz's <c>UnetGenerator(input_nc, output_nc, num_downs, ngf)</c> (netG unet_256: 8 downs, unet_128: 7), built
/// from the innermost block out; keys <c>model.model.1.model.3.…</c> as upstream.</summary>
public sealed class UnetGenerator : Module
{
    private readonly UnetSkipConnectionBlock model;

    /// <summary>Builds the generator; inputs must be a multiple of 2^numDowns.</summary>
    public UnetGenerator(int inputNc, int outputNc, int numDowns, int ngf, string norm, bool useDropout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numDowns, 5);
        var block = new UnetSkipConnectionBlock(ngf * 8, ngf * 8, null, null, false, true, norm, false);
        for (var i = 0; i < numDowns - 5; i++)
        {
            block = new UnetSkipConnectionBlock(ngf * 8, ngf * 8, null, block, false, false, norm, useDropout);
        }
        block = new UnetSkipConnectionBlock(ngf * 4, ngf * 8, null, block, false, false, norm, false);
        block = new UnetSkipConnectionBlock(ngf * 2, ngf * 4, null, block, false, false, norm, false);
        block = new UnetSkipConnectionBlock(ngf, ngf * 2, null, block, false, false, norm, false);
        model = RegisterModule("model", new UnetSkipConnectionBlock(outputNc, ngf, inputNc, block, true, false, norm, false));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => model.Forward(input);
}
