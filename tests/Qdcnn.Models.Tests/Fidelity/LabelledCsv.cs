namespace Qdcnn.Models.Tests.Fidelity;

/// <summary>Reads the shared datasets' CSV files (header <c>label,text</c>; the text holds no commas or quotes).</summary>
internal static class LabelledCsv
{
    public static (IReadOnlyList<int> Labels, IReadOnlyList<string> Texts) Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0].Trim().TrimStart('\uFEFF') != "label,text")
            throw new InvalidDataException($"{path}:1: expected the header 'label,text'.");
        var labels = new List<int>();
        var texts = new List<string>();
        for (int i = 1; i < lines.Count; i++)
        {
            int comma = lines[i].IndexOf(',');
            if (comma < 0 || !int.TryParse(lines[i].AsSpan(0, comma), out int label))
                throw new InvalidDataException($"{path}:{i + 1}: expected '<integer label>,<text>'.");
            labels.Add(label);
            texts.Add(lines[i][(comma + 1)..].Trim('"'));
        }
        return (labels, texts);
    }
}
