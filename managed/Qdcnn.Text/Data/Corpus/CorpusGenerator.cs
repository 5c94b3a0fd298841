namespace Qdcnn.Text.Data;

/// <summary>
/// Generates a meaning-classification-style corpus (after Lorenz et al.'s MC set) with no downloaded data:
/// sentences <c>[adjective] subject verb [adjective] object</c> whose object (and often verb or adjective)
/// belongs to the sentence's topic while subjects, some verbs and some adjectives are shared across topics.
/// Deterministic for given <see cref="CorpusOptions"/>; no sentence occurs twice across all splits, so
/// test sentences are never seen in training. Every split is class-balanced (counts differ by at most one)
/// before label noise.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>What <see cref="LabeledSentence.SourceFile"/> says for generated rows.</summary>
    public const string SourceName = "<generated corpus>";

    /// <summary>Generates train, dev (when DevSize &gt; 0) and test splits.</summary>
    /// <exception cref="ArgumentException">Invalid options, or more sentences than the grammar can make distinct.</exception>
    public static DatasetSplits Generate(CorpusOptions? options = null)
    {
        options ??= new CorpusOptions();
        options.Validate();
        var topics = CorpusLexicon.Topics.Take(options.TopicCount).ToArray();
        var total = options.TrainSize + options.DevSize + options.TestSize;
        var perTopic = (total + topics.Length - 1) / topics.Length;
        var capacity = DistinctSentencesPerTopic();
        if (perTopic > capacity / 2)
        {
            throw new ArgumentException($"{total} sentences need {perTopic} per topic; the grammar makes {capacity} distinct ones per topic and at most half may be asked for.", nameof(options));
        }

        var random = new Random(options.Seed);
        // Noise has its own generator so that the sentences do not depend on the noise rate.
        var noiseRandom = new Random(unchecked(options.Seed * 7919 + 1));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var source = $"{SourceName} seed={options.Seed}";
        var train = MakeSplit(options.TrainSize, options.LabelNoise, $"{source} train");
        var dev = options.DevSize > 0 ? MakeSplit(options.DevSize, options.LabelNoise, $"{source} dev") : null;
        var test = MakeSplit(options.TestSize, 0.0, $"{source} test");
        return new DatasetSplits(train, dev, test);

        List<LabeledSentence> MakeSplit(int size, double noise, string name)
        {
            // Balanced topics (i mod T), shuffled so classes interleave.
            var topicOf = Enumerable.Range(0, size).Select(i => i % topics.Length).ToArray();
            random.Shuffle(topicOf);
            var labels = topicOf.Select(t => topics[t].Label).ToArray();
            var texts = topicOf.Select(t => UniqueSentence(topics[t])).ToArray();

            var flips = (int)Math.Round(noise * size, MidpointRounding.AwayFromZero);
            var order = Enumerable.Range(0, size).ToArray();
            noiseRandom.Shuffle(order);
            foreach (var i in order.Take(flips))
            {
                var other = noiseRandom.Next(topics.Length - 1);
                labels[i] = topics[other >= topicOf[i] ? other + 1 : other].Label;
            }
            return Enumerable.Range(0, size).Select(i => new LabeledSentence(texts[i], labels[i], name, i + 1)).ToList();
        }

        string UniqueSentence(CorpusLexicon.Topic topic)
        {
            while (true)
            {
                var sentence = Sentence(topic, random, options.PosTags);
                if (used.Add(sentence))
                {
                    return sentence;
                }
            }
        }
    }

    /// <summary>The number of distinct sentences the grammar makes for one topic.</summary>
    public static int DistinctSentencesPerTopic()
    {
        var topic = CorpusLexicon.Topics[0];
        var subjectAdjectives = 1 + CorpusLexicon.SharedAdjectives.Count;
        var verbs = CorpusLexicon.SharedVerbs.Count + topic.Verbs.Count;
        var objectAdjectives = 1 + CorpusLexicon.SharedAdjectives.Count + topic.Adjectives.Count;
        return subjectAdjectives * CorpusLexicon.SharedSubjects.Count * verbs * objectAdjectives * topic.Objects.Count;
    }

    private static string Sentence(CorpusLexicon.Topic topic, Random random, bool posTags)
    {
        var words = new List<string>(5);
        string Tag(string word, string tag) => posTags ? $"{word}_{tag}" : word;
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        if (random.NextDouble() < 0.3)
        {
            words.Add(Tag(Pick(CorpusLexicon.SharedAdjectives), "ADJ"));
        }
        words.Add(Tag(Pick(CorpusLexicon.SharedSubjects), "N"));
        words.Add(Tag(random.NextDouble() < 0.5 ? Pick(CorpusLexicon.SharedVerbs) : Pick(topic.Verbs), "TV"));
        var adjective = random.NextDouble();
        if (adjective < 0.25)
        {
            words.Add(Tag(Pick(CorpusLexicon.SharedAdjectives), "ADJ"));
        }
        else if (adjective < 0.5)
        {
            words.Add(Tag(Pick(topic.Adjectives), "ADJ"));
        }
        words.Add(Tag(Pick(topic.Objects), "N"));
        return string.Join(' ', words);
    }
}
