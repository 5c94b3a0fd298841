using Qdcnn.Text;
using static TorchSharp.torch;

namespace Qdcnn.Models.Tests.Fidelity;

/// <summary>
/// Encodes sentences for the reference fidelity tests with the library's text pipeline (Qdcnn.Text): the spec's
/// tokenizer, a reference checkpoint's vocabulary (<see cref="Vocabulary.FromMapping"/>) and idf table
/// (<see cref="TfIdf.FromIdf"/>), sequences truncated or right-padded with PAD to seq_len.
/// </summary>
internal sealed class SpecTextEncoder
{
    private static readonly Tokenizer SpecTokenizer = new();
    private readonly TextPipeline _pipeline;

    public SpecTextEncoder(IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<double> idf, int seqLen)
    {
        _pipeline = TextPipeline.FromParts(new PipelineOptions { SeqLen = seqLen }, Vocabulary.FromMapping(vocabulary), TfIdf.FromIdf(idf));
    }

    /// <summary>Splits on the spec's regex and drops empty strings; case and POS tags are kept.</summary>
    public static IReadOnlyList<string> Tokenize(string text) => SpecTokenizer.Tokenize(text);

    /// <summary>A batch of all sentences: int64 ids [N, seq_len] and TF-IDF [N, V] in <paramref name="dtype"/>.</summary>
    public TextBatch Encode(IReadOnlyList<string> sentences, ScalarType dtype)
    {
        var encoded = _pipeline.Encode(sentences);
        using var tfIdf64 = tensor(encoded.TfIdf, [encoded.Count, encoded.VocabularySize], ScalarType.Float64);
        return new TextBatch(
            tensor(encoded.TokenIds, [encoded.Count, encoded.SequenceLength], ScalarType.Int64),
            tfIdf64.to_type(dtype));
    }
}
