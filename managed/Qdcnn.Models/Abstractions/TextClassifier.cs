using TorchSharp;
using static TorchSharp.torch;

namespace Qdcnn.Models;

/// <summary>
/// Base class of every text classifier in Qdcnn (MSFF family, quantum and classical, and baselines).
/// <c>forward(batch)</c> returns unnormalised logits [B, C] in <see cref="ModelConfig.Dtype"/>;
/// the loss is softmax cross-entropy on them (the quantum fully connected layer's ⟨Z⟩ values are
/// used as logits as well, per the spec).
/// </summary>
/// <remarks>
/// Sub-modules are registered under explicit names (<c>register_module</c>), so <c>state_dict</c> keys
/// are stable and documented per model. Initialisation is deterministic for a given
/// <see cref="ModelConfig.Seed"/>: models draw their initial weights from their own
/// <see cref="torch.Generator"/> (see <see cref="SeededInit"/>), never from libtorch's process-wide RNG.
/// Dropout (TextCNN only) still uses the process-wide RNG while training.
/// </remarks>
public abstract class TextClassifier : nn.Module<TextBatch, Tensor>
{
    /// <summary>Creates the base with the registry name and a validated configuration.</summary>
    protected TextClassifier(string name, ModelConfig config) : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Name = name;
        Config = config;
    }

    /// <summary>The registry name of the model (e.g. <c>msff-dconv</c>); see <see cref="ModelCatalog"/>.</summary>
    public string Name { get; }

    /// <summary>The configuration the model was built with.</summary>
    public ModelConfig Config { get; }

    /// <summary>Number of trainable parameters (elements of every parameter with requires_grad).</summary>
    public long ParameterCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>
    /// Checks that a batch fits this model: TF-IDF width = V and, when <paramref name="exactSeqLen"/>
    /// is set, token sequence length = <see cref="ModelConfig.SeqLen"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not fit.</exception>
    protected void CheckBatch(TextBatch batch, bool exactSeqLen)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.VocabSize != Config.VocabSize)
            throw new ArgumentException(
                $"{Name}: batch TF-IDF width is {batch.VocabSize} but the model's vocabulary size is {Config.VocabSize}.",
                nameof(batch));
        if (exactSeqLen && batch.SeqLen != Config.SeqLen)
            throw new ArgumentException(
                $"{Name}: batch sequence length is {batch.SeqLen} but the model expects seq_len = {Config.SeqLen}.",
                nameof(batch));
    }
}
