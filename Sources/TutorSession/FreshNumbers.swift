import LessonKit
import TCPCore
import TimelineKit

/// Fresh ISNs for every opening of a lesson, so quiz numbers cannot be learnt by heart. Reproducible from
/// a seed: the n-th opening draws from `seed + n`, and the lesson's `fresh:` header says how that draw becomes
/// ISNs (`Lesson.freshISN`, the same function `--seed` and exams use).
public struct FreshNumbers: Hashable, Sendable {
    public let seed: UInt64
    /// Openings so far.
    public private(set) var drawn: UInt64 = 0

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The draw for the next opening.
    public mutating func next() -> FreshDraw {
        defer { drawn += 1 }
        return FreshDraw.seeded(seed &+ drawn)
    }

    /// `lesson` run with the next draw; nil when the lesson does not run cleanly with it (the caller keeps
    /// the lesson's own numbers).
    public mutating func run(_ lesson: Lesson) -> Timeline? {
        let run = LessonRunner.run(lesson, fresh: next())
        return run.diagnostics.isEmpty ? run.timeline : nil
    }
}
