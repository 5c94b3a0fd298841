using System.Reflection;
using System.Runtime.Loader;

namespace Qdcnn.Interop.Tests;

/// <summary>
/// The resolver end to end, on a fresh copy of Qdcnn.Interop in its own load context (the copy in
/// the default context has already loaded the library, and the choice is made once per copy).
/// </summary>
public sealed class ResolverIsolationTests
{
    [Fact]
    public void WrongEnvironmentPathFailsTheFirstCallWithAClearMessage()
    {
        var exception = CallLiveHandleCountInFreshCopy("/nonexistent/qdcnn/libqdcnn.so");
        var notFound = Assert.IsType<DllNotFoundException>(exception);
        Assert.Contains("/nonexistent/qdcnn/libqdcnn.so (no such file)", notFound.Message);
        Assert.Contains("QDCNN_NATIVE_PATH", notFound.Message);
    }

    [Fact]
    public void EnvironmentPathToTheRealLibraryIsHonoured()
    {
        var folder = Path.GetDirectoryName(typeof(NativeMethods).Assembly.Location)!;
        Assert.Null(CallLiveHandleCountInFreshCopy(folder));
    }

    /// <summary>Returns the exception the first native call threw in a fresh copy, or null if it succeeded.</summary>
    private static Exception? CallLiveHandleCountInFreshCopy(string environmentValue)
    {
        var previous = Environment.GetEnvironmentVariable(NativeLibraryResolver.PathVariable);
        var context = new AssemblyLoadContext("qdcnn-resolver-test", isCollectible: true);
        try
        {
            Environment.SetEnvironmentVariable(NativeLibraryResolver.PathVariable, environmentValue);
            var copy = context.LoadFromAssemblyPath(typeof(NativeMethods).Assembly.Location);
            Assert.NotSame(typeof(NativeMethods).Assembly, copy);
            var method = copy.GetType("Qdcnn.Interop.NativeDiagnostics", throwOnError: true)!
                .GetMethod(nameof(NativeDiagnostics.LiveHandleCount))!;
            try
            {
                method.Invoke(null, null);
                return null;
            }
            catch (TargetInvocationException e)
            {
                return e.InnerException;
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(NativeLibraryResolver.PathVariable, previous);
            context.Unload();
        }
    }
}
