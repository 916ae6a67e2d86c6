import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

extension Curriculum {
    /// Runs the lesson `id` (with the declared ISNs, or `isn`) and records any disagreement with the engine.
    static func story(_ id: String, isn: [HostID: SequenceNumber] = [:]) throws -> Story {
        let lesson = try lesson(id: id)
        let run = LessonRunner.run(lesson, isn: isn)
        #expect(run.diagnostics.isEmpty, "\(id): \(run.diagnostics.map(\.description))")
        return Story(lesson: lesson, timeline: run.timeline)
    }
}

/// A lesson's timeline read as the story it tells: who went through which states, which segments crossed.
struct Story {
    let lesson: Lesson
    let timeline: Timeline

    var frames: [Frame] { timeline.frames }
    var last: Frame { timeline.frames[timeline.frames.count - 1] }
    func isn(_ host: HostID) -> SequenceNumber { timeline.isn[host] }

    /// Every state `host` was in, in order, including states passed through within one step.
    func history(_ host: HostID) -> [ConnectionState] {
        var states = [frames[0].host(host).state]
        for frame in frames {
            for transition in frame.transitions[host] ?? [] where transition.to != states.last {
                states.append(transition.to)
            }
        }
        return states
    }

    /// Whether `host` went through `run` of states one right after another.
    func passes(_ host: HostID, through run: [ConnectionState]) -> Bool {
        let states = history(host)
        guard run.count <= states.count else { return false }
        return (0...(states.count - run.count)).contains { Array(states[$0..<($0 + run.count)]) == run }
    }

    /// Every transition `host` made, in order.
    func transitions(_ host: HostID) -> [Transition] {
        frames.flatMap { $0.transitions[host] ?? [] }
    }

    /// Segment frames (delivered, dropped, duplicated, injected), in order.
    var segmentFrames: [Frame] { frames.filter { $0.wire != nil } }

    /// Segments that crossed the wire and were processed.
    var delivered: [WireEvent] { segmentFrames.compactMap(\.wire).filter { $0.fate == .delivered } }

    /// Segments lost on the wire.
    var dropped: [WireEvent] { segmentFrames.compactMap(\.wire).filter { $0.fate == .dropped } }

    /// The segments `host` sent, whatever became of them (injected ones excluded).
    func sent(by host: HostID) -> [Segment] {
        segmentFrames.filter { !isInjected($0) }.compactMap(\.wire).filter { $0.from == host }.map(\.segment)
    }

    /// Whether the frame shows a segment injected by the lesson rather than sent by an endpoint.
    func isInjected(_ frame: Frame) -> Bool {
        lesson.steps.contains { step in
            guard .lessonLine(step.line) == frame.origin, case .inject = step.action else { return false }
            return true
        }
    }

    /// Every error `host` reported to its application, in order.
    func errors(_ host: HostID) -> [EndpointError] { frames.flatMap { $0.errors[host] ?? [] } }
}
