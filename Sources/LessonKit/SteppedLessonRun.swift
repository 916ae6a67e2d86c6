import TCPCore
import TimelineKit

/// A lesson run one step at a time: the lesson's own steps first, then each step given, on the same runner as
/// `LessonRunner.run`. It is a value, so a copy kept before a step is the run exactly as it was: going back
/// one step is going back to that copy.
public struct SteppedLessonRun: Sendable {
    private var runner: LessonRunner

    /// Runs `lesson`'s own steps; `sources` replace the declared ISN sources of the hosts they name.
    public init(_ lesson: Lesson, sources: [HostID: ISNSource] = [:]) {
        runner = LessonRunner(lesson: lesson, sources: sources)
        runner.execute()
    }

    /// Everything the lesson's own steps and the steps since raised.
    public var diagnostics: [Diagnostic] { runner.diagnostics }

    /// One frame for the opening and one per step so far.
    public var timeline: Timeline { runner.timeline }

    /// The two hosts and the wire after the last step.
    public var simulation: Simulation { runner.simulation }

    /// Runs `step` after the others and records its frame; returns the problems it raised (nothing in flight,
    /// a segment other than the one written, a failed `expect`), empty when the step ran as written.
    public mutating func perform(_ step: Step) -> [Diagnostic] {
        let before = runner.diagnostics.count
        runner.perform(step)
        runner.check(step.checks)
        return Array(runner.diagnostics[before...])
    }

    /// A segment the engine sent, in the lesson's own numbers, as its author would write it after `A > B: `.
    public func written(_ wire: WireEvent) -> String {
        runner.written(wire.segment, from: wire.from, rule: wire.sentBecause)
    }
}
