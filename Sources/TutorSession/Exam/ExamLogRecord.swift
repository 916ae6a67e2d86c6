import LessonKit
import TimelineKit

/// One line of an exam log. Records are only ever appended; each carries the hash of the one before.
/// No score is ever written: grading recomputes everything from the answers as typed.
public struct ExamLogRecord: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The exam began: its parameters and fingerprint.
        case start
        /// An answer to one question, as typed.
        case answer
        /// The exam program started again after a stop (a crash, a kill, a power cut).
        case resume
        /// The student finished, or the time ran out.
        case finish
    }

    /// 0-based position in the log.
    public var index: Int
    /// The hash of the previous record's line (64 zeros for the first).
    public var prev: String
    /// Wall-clock time in milliseconds since 1970: elapsed time is computed from these.
    public var time: Int64
    public var kind: Kind
    public var student: String
    public var start: Start?
    public var answer: Answer?

    /// What the start record holds.
    public struct Start: Hashable, Sendable, Codable {
        public var version: Int
        public var parameters: ExamParameters
        public var fingerprint: String

        public init(version: Int, parameters: ExamParameters, fingerprint: String) {
            self.version = version
            self.parameters = parameters
            self.fingerprint = fingerprint
        }
    }

    /// What an answer record holds: the typed text per field, keyed by field name.
    public struct Answer: Hashable, Sendable, Codable {
        /// 1-based question number.
        public var question: Int
        /// The quiz point asked (`lesson:line`).
        public var point: String
        public var fields: [String: String]
        /// True when the clock submitted the answer: it was typed but not yet submitted when the time ran out.
        /// Absent otherwise (the student pressed Enter).
        public var timeUp: Bool?

        public init(question: Int, point: String, fields: [QuizField: String], timeUp: Bool = false) {
            self.question = question
            self.point = point
            self.fields = Dictionary(uniqueKeysWithValues: fields.map { ($0.rawValue, $1) })
            self.timeUp = timeUp ? true : nil
        }

        /// The typed fields; unknown field names are dropped.
        public var typed: [QuizField: String] {
            var typed: [QuizField: String] = [:]
            for (name, text) in fields {
                if let field = QuizField(rawValue: name) { typed[field] = text }
            }
            return typed
        }
    }

    public static let genesis = String(repeating: "0", count: 64)
}
