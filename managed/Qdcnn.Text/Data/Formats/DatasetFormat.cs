namespace Qdcnn.Text.Data;

/// <summary>The dataset file formats <see cref="DatasetLoader"/> reads, chosen by file extension.</summary>
public enum DatasetFormat
{
    /// <summary><c>.csv</c>: header with <c>label</c> and <c>text</c> columns, RFC 4180 quoting.</summary>
    Csv,

    /// <summary><c>.tsv</c>: <c>label&lt;TAB&gt;text</c> per line, optional <c>label&lt;TAB&gt;text</c> header, no quoting.</summary>
    Tsv,

    /// <summary><c>.json</c>: array of <c>{text, class}</c> or <c>{text, label}</c>; null labels are skipped.</summary>
    Json,

    /// <summary><c>.txt</c>: lambeq's format, the label, whitespace (lambeq writes two spaces), the sentence.</summary>
    Lambeq,
}
