using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace Qdcnn.Models.Quantum.Chain;

/// <summary>
/// The autograd node of <see cref="MsffQuantumChain"/>: inputs (pass, flat angles [P]) → logits [B, C]; backward is
/// the pass's adjoint. The pass holds everything backward needs (its own copies of the angles and inputs), so nothing
/// else is saved.
/// </summary>
internal sealed class MsffChainFunction : SingleTensorFunction<MsffChainFunction>
{
    private const string PassKey = "pass";

    /// <inheritdoc />
    public override string Name => nameof(MsffChainFunction);

    /// <summary>Runs the pass forward and keeps it for backward.</summary>
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var pass = (MsffChainPass)vars[0];
        var logits = pass.Forward((Tensor)vars[1]);
        ctx.save_data(PassKey, pass);
        return logits;
    }

    /// <summary>Gradients for (pass: none, flat angles).</summary>
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var pass = (MsffChainPass)ctx.get_data(PassKey);
        return [null!, pass.Backward(grad_output)];
    }
}
