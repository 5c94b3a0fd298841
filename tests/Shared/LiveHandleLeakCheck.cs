using Qdcnn.Interop;
using Xunit.Abstractions;
using Xunit.Sdk;

// Compiled into every test assembly that sets <QdcnnLiveHandleCheck>true</QdcnnLiveHandleCheck>;
// Directory.Build.targets adds the file and the assembly-level TestCollectionOrderer naming
// LiveHandlesLastOrderer in that assembly.
namespace Qdcnn.Tests.Shared;

/// <summary>
/// The end-of-run leak check: after every other test of this assembly has finished, no native Qdcnn
/// handle may still be alive once the garbage collector has run every finaliser (an undisposed
/// SafeHandle is released by its finaliser, so a non-zero count means a reference is still held —
/// a static cache, an event, a pool that is never disposed). Runs last because
/// <see cref="LiveHandlesLastOrderer"/> orders its collection last and the collection opts out of
/// parallelisation (xunit runs such collections after all parallel ones).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveHandlesAtEndOfRun
{
    /// <summary>Name of the collection the orderer moves to the end.</summary>
    public const string Name = "zz live native handles at end of run";
}

/// <summary>The check itself; see <see cref="LiveHandlesAtEndOfRun"/>.</summary>
[Collection(LiveHandlesAtEndOfRun.Name)]
public sealed class LiveHandleLeakCheck
{
    [Fact]
    public void NoNativeHandleIsAliveAfterAllOtherTests()
    {
        long live = NativeDiagnostics.LiveHandleCount();
        // Finalisers can make more objects unreachable (a module holding a pool holding simulators): a few rounds.
        for (int round = 0; round < 5 && live != 0; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            live = NativeDiagnostics.LiveHandleCount();
        }
        Assert.True(live == 0,
            $"{live} native Qdcnn handle(s) are still alive after every test finished and all finalisers ran: something keeps a Circuit, Observable, StateVector or Simulator reachable.");
    }
}

/// <summary>Keeps xunit's collection order but moves <see cref="LiveHandlesAtEndOfRun"/> to the end.</summary>
public sealed class LiveHandlesLastOrderer : ITestCollectionOrderer
{
    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var all = testCollections.ToList();
        return all.Where(c => c.DisplayName != LiveHandlesAtEndOfRun.Name)
            .Concat(all.Where(c => c.DisplayName == LiveHandlesAtEndOfRun.Name));
    }
}
