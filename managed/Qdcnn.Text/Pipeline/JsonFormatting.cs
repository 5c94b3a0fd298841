using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qdcnn.Text;

/// <summary>How this assembly writes JSON: indented, with tokens such as &lt;UNK&gt; left readable (the files are not HTML).</summary>
internal static class JsonFormatting
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
