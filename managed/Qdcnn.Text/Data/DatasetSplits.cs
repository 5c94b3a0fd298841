namespace Qdcnn.Text.Data;

/// <summary>
/// Train, optional dev, and test sentences with the label map fixed by the training split.
/// Construction validates the labels: two or more training classes, no dev/test label unseen in training.
/// </summary>
public sealed class DatasetSplits
{
    /// <summary>Creates and validates the splits.</summary>
    /// <exception cref="ArgumentException">Train or test is empty.</exception>
    /// <exception cref="DatasetException">A single training class, or a dev/test label unseen in training (names file and line).</exception>
    public DatasetSplits(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, IReadOnlyList<LabeledSentence> test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Count == 0)
        {
            throw new ArgumentException("The training split is empty.", nameof(train));
        }
        if (test.Count == 0)
        {
            throw new ArgumentException("The test split is empty.", nameof(test));
        }
        if (dev is { Count: 0 })
        {
            throw new ArgumentException("The dev split is empty; pass null when there is none.", nameof(dev));
        }
        Train = train;
        Dev = dev;
        Test = test;
        Labels = LabelMap.FromTraining(train);
        TrainClasses = Labels.Encode(train);
        DevClasses = dev is null ? null : Labels.Encode(dev);
        TestClasses = Labels.Encode(test);
    }

    /// <summary>Training sentences (the only ones the vocabulary, idf and label map see).</summary>
    public IReadOnlyList<LabeledSentence> Train { get; }

    /// <summary>Validation sentences, or null when the dataset has none.</summary>
    public IReadOnlyList<LabeledSentence>? Dev { get; }

    /// <summary>Test sentences.</summary>
    public IReadOnlyList<LabeledSentence> Test { get; }

    /// <summary>Label ↔ class index, from the training split.</summary>
    public LabelMap Labels { get; }

    /// <summary>Class index of each training sentence.</summary>
    public int[] TrainClasses { get; }

    /// <summary>Class index of each dev sentence, or null.</summary>
    public int[]? DevClasses { get; }

    /// <summary>Class index of each test sentence.</summary>
    public int[] TestClasses { get; }
}
