using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Qdcnn.Models.Classical;

/// <summary>
/// Multinomial logistic regression on the TF-IDF vector: Linear(V, C) → logits (softmax in the loss).
/// Reads only the TF-IDF view. state_dict names: <c>linear.weight</c> [C, V], <c>linear.bias</c> [C];
/// seeded initialisation U(±1/√V).
/// </summary>
public sealed class TfIdfLogisticRegression : TextClassifier
{
    /// <summary>Registry name.</summary>
    public const string RegistryName = "logreg";

    private readonly Linear _linear;

    /// <summary>Builds a seeded model.</summary>
    public TfIdfLogisticRegression(ModelConfig config) : base(RegistryName, config)
    {
        _linear = nn.Linear(config.VocabSize, config.NumClasses, dtype: config.Dtype);
        register_module("linear", _linear);
        using var generator = SeededInit.CreateGenerator(config.Seed);
        SeededInit.Linear(_linear, generator);
    }

    /// <summary>Logits [B, C].</summary>
    public override Tensor forward(TextBatch batch)
    {
        CheckBatch(batch, exactSeqLen: false);
        if (batch.TfIdf.dtype == Config.Dtype) return _linear.forward(batch.TfIdf);
        using var tfIdf = batch.TfIdf.to_type(Config.Dtype);
        return _linear.forward(tfIdf);
    }
}
