import Foundation
import LessonKit
import TCPCore
import Testing
import TimelineKit

/// The curriculum as shipped: the `.lesson` files in the package's `Lessons/` folder.
enum Curriculum {
    /// `Lessons/` next to `Tests/`, found from this source file so the tests run from any folder.
    static let folder: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path

    /// Every lesson file, in menu order.
    static let files: [String] = (try? LessonLibrary.lessonFiles(in: [folder])) ?? []

    /// File names without the folder, for test arguments that read well in reports.
    static let fileNames: [String] = files.map { URL(fileURLWithPath: $0).lastPathComponent }

    /// ISN overrides the stories must survive: fresh draws from seeds, as `--seed` makes them, and the edges of
    /// the 32-bit space.
    static let freshISNs: [[HostID: SequenceNumber]] =
        [UInt64(1), 2, 7, 42, 2024, 65_535, 0xDEAD_BEEF].map { seed in
            let draw = FreshDraw.seeded(seed)
            return [
                .a: SequenceNumber(UInt32(truncatingIfNeeded: draw.a)),
                .b: SequenceNumber(UInt32(truncatingIfNeeded: draw.b)),
            ]
        } + [
            [.a: SequenceNumber(4_294_967_295), .b: SequenceNumber(0)],
            [.a: SequenceNumber(0), .b: SequenceNumber(4_294_967_295)],
            [.a: SequenceNumber(2_147_483_648), .b: SequenceNumber(2_147_483_647)],
        ]

    /// Loads the lesson whose file is named `name`.
    static func lesson(file name: String) throws -> Lesson {
        try LessonLibrary.load(folder + "/" + name)
    }

    /// Loads the lesson with this id.
    static func lesson(id: String) throws -> Lesson {
        for file in files {
            let lesson = try LessonLibrary.load(file)
            if lesson.id == id { return lesson }
        }
        throw CurriculumError.noLesson(id)
    }

    /// Runs the lesson `id` (with the declared ISNs, or `isn`) and records any disagreement with the engine.
    static func story(_ id: String, isn: [HostID: SequenceNumber] = [:]) throws -> Story {
        let lesson = try lesson(id: id)
        let run = LessonRunner.run(lesson, isn: isn)
        #expect(run.diagnostics.isEmpty, "\(id): \(run.diagnostics.map(\.description))")
        return Story(lesson: lesson, timeline: run.timeline)
    }
}

enum CurriculumError: Error {
    case noLesson(String)
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
