// The live-handle counter checked by LeakTests is process-wide: tests must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
