import LessonKit
import TCPCore

/// Fresh ISNs for every opening of a lesson, so quiz numbers cannot be learnt by heart. Reproducible from
/// a seed: the n-th opening uses ISNs drawn from `seed + n`.
public struct FreshNumbers: Hashable, Sendable {
    public let seed: UInt64
    /// Openings so far.
    public private(set) var drawn: UInt64 = 0

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The ISNs for the next opening.
    public mutating func next() -> [HostID: SequenceNumber] {
        defer { drawn += 1 }
        return ISNClock.seeded(seed &+ drawn)
    }

    /// `lesson` run with the next ISNs; nil when the lesson does not run cleanly with them (the caller keeps
    /// the lesson's own numbers).
    public mutating func run(_ lesson: Lesson) -> Timeline? {
        let run = LessonRunner.run(lesson, isn: next())
        return run.diagnostics.isEmpty ? run.timeline : nil
    }
}
