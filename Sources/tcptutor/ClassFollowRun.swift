import ClassLink
import CommandOptions
import LessonKit
import TimelineKit
import TutorClassLink
import TutorCurses
import TutorSession
import TutorStorage
import TutorUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tutor in a follow class, started by the class server (`hello.mode` `follow` or `lead`): a follower's
/// screen follows the instructor's steps, the instructor's is the presenter with the class's answers. Full screen,
/// or plain lines that take the typed lines and the link's messages as they come.
struct ClassFollowRun {
    var start: ClassLinkStart
    var progress: ProgressBook
    var language: Language?
    var screen: ScreenOptions
    var lessonFolder: LessonFolderOption
    var environment: [String: String]
    var crashKey: Character?

    /// How long a follower waits for the server's first step before saying so.
    static let firstStepTimeout = 10_000

    /// A student: the lesson and the stop the server's first step names (a late joiner lands where the class
    /// is), then every step the instructor takes.
    func follow() throws {
        let first: (lessonID: String, step: ClassStep)
        do {
            first = try ClassFollowSource.firstStep(on: start.link, timeoutMilliseconds: Self.firstStepTimeout)
        } catch {
            throw CommandFailure("cannot follow the class: \(error)")
        }
        let timeline = try Self.timeline(first.lessonID, lessonFolder)
        var session = TutorSession.following(timeline, progress: progress, language: language)
        _ = session.update(.classStep(first.step))
        let source = ClassFollowSource(link: start.link, lessonID: timeline.lessonID)
        let effects = ClassLinkEffects(link: start.link)
        if !screen.plain {
            var runtime = runtime()
            runtime.perform = effects.perform
            runtime.sources = [ClassLinkEvents(source)]
            if try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) }) {
                finish(session.progress, source, effects)
                return
            }
        }
        var plain = PlainFollowing(session: session)
        var input = LinesAndLink(source: source)
        plain.run(next: { input.next() }, write: Self.writeLine, perform: effects.perform)
        finish(plain.session.progress, source, effects)
    }

    /// The instructor: the presenter on the lesson the hello names, each step sent to the class (the first at
    /// once, so that followers who came early see where the class starts).
    func lead(lesson name: String) throws {
        guard !name.isEmpty else { throw CommandFailure("the class server named no lesson to lead") }
        let timeline = try Self.timeline(name, lessonFolder)
        var session = PresenterSession(timeline: timeline, language: language ?? .en, classroom: Classroom())
        let effects = ClassLinkEffects(link: start.link, leading: timeline.lessonID)
        if case .failed(_, let reason) = effects.perform(.showClassStep(session.classStep)) {
            throw CommandFailure("cannot lead the class: \(reason)")
        }
        let source = ClassFollowSource(link: start.link, lessonID: timeline.lessonID)
        if !screen.plain {
            var runtime = runtime()
            runtime.perform = effects.perform
            runtime.sources = [ClassLinkEvents(source)]
            if try FullScreen.run({ () throws(TerminalProblem) in try runtime.run(&session) }) {
                if let ending = source.ending { print("tcptutor: \(ending).") }
                return
            }
        }
        var plain = PresenterPlain(session: session, readLine: { nil }, write: Self.writeLine)
        var input = LinesAndLink(source: source)
        plain.run(next: { input.next() }, perform: effects.perform)
        if let ending = source.ending { print("tcptutor: \(ending).") }
    }

    /// A line out at once: the class moves while the student reads, so nothing may wait in stdio's buffer (a
    /// pipe or a file is fully buffered; `fflush(nil)` flushes every stream).
    static func writeLine(_ line: String) {
        print(line)
        fflush(nil)
    }

    private func runtime() -> TerminalRuntime {
        var runtime = TerminalRuntime(environment: environment)
        runtime.asciiLines = screen.asciiLines
        runtime.crashKey = crashKey
        return runtime
    }

    /// The progress saved on the server, and why the class ended when it did.
    private func finish(_ progress: ProgressBook, _ source: ClassFollowSource, _ effects: ClassLinkEffects) {
        let saved = effects.perform(.saveProgress(progress))
        if let ending = source.ending {
            print("tcptutor: \(ending).")
            if saved == nil { print("tcptutor: your progress is saved on the class server.") }
        }
        if case .failed(_, let reason) = saved { printError("tcptutor: \(reason)") }
    }

    /// The lesson the class follows, run with its own ISNs: every screen in the class shows the instructor's
    /// numbers, so a step and an answer mean the same on each.
    static func timeline(_ name: String, _ folder: LessonFolderOption) throws -> Timeline {
        let result = LessonRunner.run(try folder.lesson(name))
        guard result.diagnostics.isEmpty else {
            throw CommandFailure(
                "the class's lesson '\(name)' does not run: "
                    + result.diagnostics.map(\.description).joined(separator: "; "))
        }
        guard !result.timeline.frames.isEmpty else { throw CommandFailure("the lesson '\(name)' has no steps") }
        return result.timeline
    }
}

/// The class link as an event source of the full-screen runtime: polled between keys, never waited for.
final class ClassLinkEvents: EventSource {
    let source: ClassFollowSource

    init(_ source: ClassFollowSource) {
        self.source = source
    }

    func start() {}

    /// While the class goes on the runtime polls often, so a step shows within milliseconds of its arrival.
    var isActive: Bool { source.isOpen }

    func poll() -> [Message] { source.poll() }

    func messagesBeforeKey() -> [Message] { source.poll() }
}

/// Standard input's lines and the link's messages for the plain follow modes, whichever comes first: one
/// `poll` on both descriptors, and lines cut from standard input's bytes here (stdio's buffer would hide lines
/// already read from `poll`).
struct LinesAndLink {
    let source: ClassFollowSource
    private var buffer: [UInt8] = []
    private var inputEnded = false

    init(source: ClassFollowSource) {
        self.source = source
    }

    mutating func next() -> ClassLineInput {
        while true {
            let messages = source.poll()
            if !messages.isEmpty { return .messages(messages) }
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            }
            if inputEnded {
                guard buffer.isEmpty else {
                    defer { buffer.removeAll() }
                    return .line(String(decoding: buffer, as: UTF8.self))
                }
                return .end
            }
            var descriptors = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: source.link.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            // Once the class is over only standard input is left to read.
            let count: nfds_t = source.isOpen ? 2 : 1
            if poll(&descriptors, count, -1) < 0 {
                if errno == EINTR { continue }
                return .end
            }
            if descriptors[0].revents != 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let got = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if got > 0 {
                    buffer += chunk[..<got]
                } else if got == 0 || errno != EINTR {
                    inputEnded = true
                }
            }
            if !source.isOpen { return .end }
        }
    }
}
