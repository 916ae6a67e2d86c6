import LessonKit
import TCPCore
import TimelineKit

/// The sandbox as a value: a lesson (a fresh header, or a lesson file to go on from) and the steps typed since,
/// each run on the same runner as a lesson. Commands are the lesson language's own steps, plus `undo`,
/// `save FILE`, `help` and `quit`. It reads no clock and writes no file: `save` hands back the text to write.
public struct Sandbox: Sendable {
    /// What a typed command did.
    public enum Outcome: Hashable, Sendable {
        /// An empty line.
        case nothing
        /// A step ran: its frame is the timeline's last.
        case stepped
        /// The last step typed was taken back.
        case undone
        /// No step was typed yet (the steps of a lesson file gone on from stay).
        case nothingToUndo
        case help
        case quit
        /// A command that cannot be read or cannot be done here, with the column the problem is at. Nothing ran.
        /// The sandbox's own words come in both languages; a step's problem is the lesson parser's or the
        /// runner's, in the words `tcptutor check` prints (English only: `LocalizedText.text` falls back to it).
        case problem(column: Int, message: LocalizedText)
        /// A call the socket API refuses in this state, explained with its rule. Nothing ran.
        case refused(SandboxRefusal)
        /// `save FILE`: the lesson file to write.
        case save(path: String, text: String)
    }

    /// The lesson gone on from: its header (hosts, ISNs, engine choices) and its own steps.
    public let lesson: Lesson
    /// Its text, which `save` writes first.
    let sourceText: String
    /// The ISNs in use, when they are not the lesson's own.
    let sources: [HostID: ISNSource]
    /// The run after the last step.
    public private(set) var run: SteppedLessonRun
    /// The steps typed, in order: undo runs the lesson again without the last one. The engine is deterministic, so
    /// that is exactly the run as it was; a copy of the run kept per step would hold every frame once per step
    /// after it (hundreds of megabytes after two thousand steps).
    private var typed: [Step] = []
    /// For each step typed, the lines `save` writes: the step, narration left for the author, its `expect`.
    private var savedSteps: [[String]] = []
    /// What can be done now.
    public private(set) var choices: SandboxChoices

    /// The sandbox after `lessonText`'s steps; `sources` replace its ISNs (`--isn`, `--seed`). A lesson that does
    /// not parse, or that the engine disagrees with, is refused with its problems.
    public init(lessonText: String, file: String, sources: [HostID: ISNSource] = [:]) throws(LessonErrors) {
        lesson = try LessonParser.parse(lessonText, file: file)
        sourceText = lessonText
        self.sources = sources
        run = SteppedLessonRun(lesson, sources: sources)
        guard run.diagnostics.isEmpty else { throw LessonErrors(diagnostics: run.diagnostics) }
        choices = SandboxChoices(run.simulation)
    }

    /// A fresh sandbox's lesson header: two hosts with these ISNs, nothing done yet.
    public static func freshLessonText(isn: PerHost<SequenceNumber>) -> String {
        """
        id: sandbox
        title: A sandbox session
        title.zh: 沙盒练习
        summary: Both hosts and the wire driven by hand, one step at a time.
        summary.zh: 由你一步一步亲手操作两台主机和线路。
        hosts: A 10.0.0.1:40000, B 10.0.0.2:80
        isn: A \(isn.a), B \(isn.b)
        numbers: absolute

        """
    }

    public var timeline: Timeline { run.timeline }
    /// How many steps were typed (and not undone).
    public var typedSteps: Int { typed.count }

    /// The words that start a command: the steps a lesson has, then the sandbox's own.
    public static let commandWords = [
        "A", "B", "drop", "duplicate", "reorder", "inject", "wait", "say", "undo", "save", "help", "quit",
    ]

    /// Runs one command line.
    public mutating func execute(_ line: String) -> Outcome {
        let words = CommandWords(line)
        guard let first = words.first else { return .nothing }
        switch first.text {
        case "undo", "help", "quit":
            if let extra = words.second {
                return .problem(
                    column: extra.column,
                    message: LocalizedText(
                        en: "expected nothing after '\(first.text)'", zh: "\(first.text) 后面不应再有任何内容"))
            }
            if first.text == "help" { return .help }
            if first.text == "quit" { return .quit }
            return undo()
        case "save":
            guard let name = words.second else {
                return .problem(
                    column: first.column + 4,
                    message: LocalizedText(
                        en: "expected a file name, as in 'save my-session.lesson'",
                        zh: "缺少文件名，例如 save my-session.lesson"))
            }
            let path = words.rest(from: name)
            guard path.hasSuffix(".lesson"), path.count > ".lesson".count else {
                return .problem(
                    column: name.column,
                    message: LocalizedText(
                        en: "expected a file name ending in .lesson", zh: "文件名应以 .lesson 结尾"))
            }
            return .save(path: path, text: lessonText(savedAs: path))
        case "A", "B", "drop", "duplicate", "reorder", "inject", "wait", "say":
            return step(line)
        default:
            return .problem(
                column: first.column,
                message: LocalizedText(
                    en: "expected a step (A or B and a call or '>', drop, duplicate, reorder, inject, wait) "
                        + "or undo, save FILE, help, quit",
                    zh: "应为一个步骤（A 或 B 加调用或 '>'，drop、duplicate、reorder、inject、wait），"
                        + "或 undo、save FILE、help、quit"))
        }
    }

    private mutating func step(_ line: String) -> Outcome {
        let step: Step
        switch LessonParser.parseStep(line) {
        case .failure(let problem): return .problem(column: problem.column, message: Self.untranslated(problem))
        case .success(let parsed): step = parsed
        }
        if case .call(let host, let call) = step.action,
            let refusal = SandboxRefusal.check(call, on: host, in: run.simulation)
        {
            return .refused(refusal)
        }
        var next = run
        if let problem = next.perform(step).first {
            return .problem(column: problem.column, message: Self.untranslated(problem))
        }
        savedSteps.append(Self.savedLines(step, after: next))
        typed.append(step)
        run = next
        choices = SandboxChoices(next.simulation)
        return .stepped
    }

    /// A problem in the lesson parser's or the runner's words, as `tcptutor check` reports it: LessonKit's
    /// messages have no Chinese, so they are not translated here either (the Chinese screen shows the English).
    private static func untranslated(_ problem: Diagnostic) -> LocalizedText {
        LocalizedText(en: problem.message, zh: "")
    }

    private mutating func undo() -> Outcome {
        guard !typed.isEmpty else { return .nothingToUndo }
        typed.removeLast()
        savedSteps.removeLast()
        var again = SteppedLessonRun(lesson, sources: sources)
        // Each of these steps ran without a problem before, on the same engine from the same start.
        for step in typed { _ = again.perform(step) }
        run = again
        choices = SandboxChoices(run.simulation)
        return .undone
    }

    /// The session as a lesson file: the lesson gone on from (its id made from the file's name), then each step
    /// typed with its segment written out (so `check` proves it), empty `en:` and `zh:` lines for the author, and
    /// an `expect` of the states it changed.
    public func lessonText(savedAs path: String) -> String {
        var lines = sourceText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let idLine = lines.firstIndex(where: { $0.hasPrefix("id:") }) {
            lines[idLine] = "id: " + Self.lessonID(forFile: path)
        }
        var text = lines.joined(separator: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        for step in savedSteps { text += "\n" + step.joined(separator: "\n") + "\n" }
        return text
    }

    /// `sessions/My Session.lesson` → `my-session`: lower-case letters, digits and `-`, as a lesson id must be.
    static func lessonID(forFile path: String) -> String {
        let name = path.split(separator: "/").last.map { $0.dropLast(".lesson".count) } ?? ""
        var id = ""
        for character in name.lowercased() {
            let keeps = character.isASCII && (character.isLetter || character.isNumber)
            if keeps {
                id.append(character)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "sandbox" : id
    }

    /// The lines one step is saved as.
    static func savedLines(_ step: Step, after run: SteppedLessonRun) -> [String] {
        guard let frame = run.timeline.frames.last else { return [] }
        let segment = frame.wire.map { ": " + run.written($0) } ?? ""
        let first: String
        switch step.action {
        case .call(let host, let call): first = "\(host) \(call)"
        case .deliver(let host, _, _): first = "\(host) > \(host.peer)" + segment
        case .drop(let host, _, _): first = "drop \(host) > \(host.peer)" + segment
        case .duplicate(let host, _, _): first = "duplicate \(host) > \(host.peer)" + segment
        case .reorder(let host): first = "reorder \(host) > \(host.peer)"
        case .inject(let host, let written):
            first = "inject \(host) > \(host.peer): " + written.notation(showWindow: written.window != 65535)
        case .wait(let milliseconds): first = "wait " + durationText(milliseconds)
        case .say: first = "say"
        }
        var lines = [first, "  en:", "  zh:"]
        if !frame.transitions.isEmpty {
            lines.append("expect A \(frame.hosts.a.state), B \(frame.hosts.b.state)")
        }
        return lines
    }

    /// `wait`'s duration in the largest unit that keeps it whole: `2min`, `1s`, `1500ms`.
    public static func durationText(_ milliseconds: UInt64) -> String {
        let units: [(String, UInt64)] = [("h", 3_600_000), ("min", 60_000), ("s", 1_000)]
        for (unit, scale) in units where milliseconds > 0 && milliseconds % scale == 0 {
            return "\(milliseconds / scale)\(unit)"
        }
        return "\(milliseconds)ms"
    }
}

/// A command line's words with their 1-based columns (the sandbox's own words; steps go to the lesson parser).
struct CommandWords {
    let line: String
    let words: [(text: String, column: Int)]

    init(_ line: String) {
        self.line = line
        var words: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in line.enumerated() {
            if character == " " || character == "\t" {
                if !current.isEmpty { words.append((current, start + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { words.append((current, start + 1)) }
        self.words = words
    }

    var first: (text: String, column: Int)? { words.first }
    var second: (text: String, column: Int)? { words.count > 1 ? words[1] : nil }

    /// The line from `word` to its end, trailing spaces left out.
    func rest(from word: (text: String, column: Int)) -> String {
        var text = String(line.dropFirst(word.column - 1))
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
