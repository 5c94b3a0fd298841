// The live-handle counter is process-wide: tests that create handles must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
