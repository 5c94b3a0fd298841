// Adds this assembly's fixture lookup to the shared TestPaths (tests/Shared/TestPaths.cs, linked in
// by the csproj), which already provides RepositoryRoot, RequireShared and TempFolder.
namespace Qdcnn.Tests.Shared;

internal static partial class TestPaths
{
    /// <summary>The committed fixture file <paramref name="name"/>.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
