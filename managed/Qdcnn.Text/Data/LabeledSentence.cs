namespace Qdcnn.Text.Data;

/// <summary>One labelled sentence and where it came from (for error messages).</summary>
/// <param name="Text">The raw sentence.</param>
/// <param name="Label">The raw label text (an integer such as <c>1</c> or a name such as <c>food</c>), trimmed.</param>
/// <param name="SourceFile">The file it was read from, or a description such as <c>&lt;generated corpus&gt;</c>.</param>
/// <param name="Line">The 1-based line where its record starts.</param>
public sealed record LabeledSentence(string Text, string Label, string SourceFile, int Line);
