import TCPCore
import TCPNotation
import TimelineKit

/// A problem in a lesson, located in its file.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// A warning points at something to improve; the lesson still works.
    public var isWarning: Bool

    public init(file: String, line: Int, column: Int, message: String, isWarning: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.isWarning = isWarning
    }

    /// `file:line:column: message` (`… warning: message` for a warning), the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column): \(isWarning ? "warning: " : "")\(message)" }
}

/// Several problems at once: a parser reports all it finds, not only the first.
public struct LessonErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// What a state assertion checks.
public enum Expectation: Hashable, Sendable {
    case state(HostID, ConnectionState, column: Int)
    case wireEmpty(column: Int)
}

/// One step of a lesson script.
public enum StepAction: Hashable, Sendable {
    case call(HostID, UserCall)
    /// Deliver the oldest segment from the host; the pattern, when written, is asserted (column of its text).
    case deliver(HostID, SegmentPattern?, column: Int)
    case drop(HostID, SegmentPattern?, column: Int)
    case duplicate(HostID, SegmentPattern?, column: Int)
    case reorder(HostID)
    case inject(HostID, Segment)
    case wait(milliseconds: UInt64)
    case say
}

public struct Step: Hashable, Sendable {
    public var line: Int
    public var action: StepAction
    public var narration: LocalizedText?
    public var quiz: QuizPoint?
    /// States and wire checks written after the step.
    public var checks: [StepCheck] = []
}

/// An `expect` line and what it checks.
public struct StepCheck: Hashable, Sendable {
    public var line: Int
    public var expectation: Expectation
}

/// A parsed lesson: its header and its steps.
public struct Lesson: Hashable, Sendable {
    /// The file it came from, as given to the parser (used in diagnostics).
    public var file: String
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText
    public var hosts: PerHost<HostAddress>
    public var isn: [HostID: ISNSource]
    public var numbering: Numbering = .absolute
    /// How fresh ISNs are drawn for this lesson (`fresh:` in the header).
    public var fresh: FreshISNPolicy = .random
    public var configuration = PerHost(repeating: EndpointConfiguration())
    /// Narration shown with the opening frame.
    public var introduction: LocalizedText?
    public var steps: [Step] = []

    public init(
        file: String, id: String, title: LocalizedText, summary: LocalizedText, hosts: PerHost<HostAddress>,
        isn: [HostID: ISNSource]
    ) {
        self.file = file
        self.id = id
        self.title = title
        self.summary = summary
        self.hosts = hosts
        self.isn = isn
    }

    /// The ISNs as declared (clocks evaluated), which the numbers written in the lesson are tied to.
    public var declaredISN: PerHost<SequenceNumber> {
        PerHost { host in
            ISNClock.value(of: isn[host] ?? .fixed(0), local: hosts[host], remote: hosts[host.peer])
        }
    }

    /// How many quiz points the lesson has.
    public var quizCount: Int { steps.filter { $0.quiz != nil }.count }
}
