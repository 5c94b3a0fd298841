namespace Qdcnn.Text.Data;

/// <summary>
/// The generated corpus's words: shared words that appear under every topic, and per-topic verbs,
/// adjectives and objects. Small on purpose: two topics give 39 words (41 ids with UNK and PAD), three
/// give 52 (54): both fit a 6-qubit (64-amplitude) embedding.
/// </summary>
public static class CorpusLexicon
{
    /// <summary>Subjects (nouns) shared by all topics.</summary>
    public static readonly IReadOnlyList<string> SharedSubjects = ["man", "woman", "person", "student", "friend"];

    /// <summary>Adjectives shared by all topics.</summary>
    public static readonly IReadOnlyList<string> SharedAdjectives = ["skillful", "young", "clever", "busy"];

    /// <summary>Transitive verbs shared by all topics.</summary>
    public static readonly IReadOnlyList<string> SharedVerbs = ["prepares", "makes", "likes", "finds"];

    /// <summary>The topics, in order; the first <see cref="CorpusOptions.TopicCount"/> are used.</summary>
    public static readonly IReadOnlyList<Topic> Topics =
    [
        new("food", ["cooks", "bakes", "serves", "tastes"], ["tasty", "fresh", "sweet"], ["dinner", "sauce", "meal", "soup", "bread", "cake"]),
        new("it", ["debugs", "runs", "installs", "compiles"], ["useful", "fast", "secure"], ["software", "program", "application", "code", "server", "database"]),
        new("sport", ["plays", "watches", "wins", "coaches"], ["exciting", "tough", "final"], ["match", "game", "race", "tournament", "season", "league"]),
    ];

    /// <summary>One topic's label and its own words.</summary>
    /// <param name="Label">The class label of its sentences.</param>
    /// <param name="Verbs">Topic-specific transitive verbs.</param>
    /// <param name="Adjectives">Topic-specific adjectives (used before objects).</param>
    /// <param name="Objects">Topic-specific object nouns; every sentence ends with one.</param>
    public sealed record Topic(string Label, IReadOnlyList<string> Verbs, IReadOnlyList<string> Adjectives, IReadOnlyList<string> Objects);
}
