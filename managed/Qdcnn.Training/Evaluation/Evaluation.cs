namespace Qdcnn.Training;

/// <summary>The result of scoring a model on one split.</summary>
/// <param name="Count">Sentences scored.</param>
/// <param name="Correct">Sentences whose arg-max logit is the true class.</param>
/// <param name="Loss">Mean softmax cross-entropy.</param>
/// <param name="Logits">Row-major logits [Count × Classes] as doubles.</param>
/// <param name="Classes">Number of classes (columns of <paramref name="Logits"/>).</param>
/// <param name="Labels">True class of each sentence.</param>
/// <param name="Seconds">Wall time of the forward passes.</param>
public sealed record Evaluation(int Count, int Correct, double Loss, double[] Logits, int Classes, long[] Labels, double Seconds)
{
    /// <summary>Correct / Count.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    /// <summary>Sentences per second of the forward passes.</summary>
    public double SentencesPerSecond => Seconds > 0 ? Count / Seconds : double.PositiveInfinity;

    /// <summary>The predicted class of sentence <paramref name="index"/> (arg-max; the first of equal logits).</summary>
    public int PredictedClass(int index)
    {
        int best = 0;
        for (int c = 1; c < Classes; c++)
            if (Logits[index * Classes + c] > Logits[index * Classes + best]) best = c;
        return best;
    }
}
