namespace Qdcnn.Models;

/// <summary>One entry of the model catalog: a name users type, what it is, and how to build it.</summary>
/// <param name="Name">Registry name, lower-case with dashes (e.g. <c>msff-dconv</c>).</param>
/// <param name="Description">One line for help texts and reports.</param>
/// <param name="IsQuantum">Whether the model runs circuits on the native simulator.</param>
/// <param name="Create">Builds a fresh, seeded model from a configuration.</param>
public sealed record ModelRegistration(
    string Name,
    string Description,
    bool IsQuantum,
    Func<ModelConfig, TextClassifier> Create);
