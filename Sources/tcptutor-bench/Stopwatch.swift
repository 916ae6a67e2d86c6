#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times a piece of work twice: on the wall clock, and on this thread's CPU clock. On a machine shared with other
/// work (a build on the other core), the wall-clock rate falls with the load while the CPU-time rate stays close
/// to what the code costs, so the benchmarks print both.
struct Stopwatch {
    private let wallStart = ContinuousClock.now
    private let cpuStart = Self.threadCPUSeconds()

    /// Seconds on the wall clock since the stopwatch started.
    var wallSeconds: Double {
        let elapsed = ContinuousClock.now - wallStart
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Seconds of this thread's CPU time since the stopwatch started.
    var cpuSeconds: Double { Self.threadCPUSeconds() - cpuStart }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

/// A count over a stopwatch's two clocks.
struct Rate {
    var perWallSecond: Double
    var perCPUSecond: Double

    init(_ count: Int, _ stopwatch: Stopwatch) {
        perWallSecond = Double(count) / stopwatch.wallSeconds
        perCPUSecond = Double(count) / stopwatch.cpuSeconds
    }
}
