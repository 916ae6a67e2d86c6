import Foundation
import LessonKit
import TimelineKit
import TutorSession
import TutorStorage

/// A sitting with its log on disk and a clock the test holds, as `tcptutor exam` holds them: each change is
/// written at once, as the runtime writes it before the next key.
final class LoggedSitting {
    private(set) var sitting: ExamSitting
    let log: ExamLogFile
    let clock: @Sendable () -> Int64

    init(
        directory: URL, key: ExamKey, studentID: String, parameters: ExamParameters, lessons: some ExamLessonSource,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) throws(ExamError) {
        (sitting, log) = try ExamLogFile.openSitting(
            directory: directory, key: key, studentID: studentID, parameters: parameters, lessons: lessons,
            now: clock())
        self.clock = clock
    }

    var blueprint: ExamBlueprint { sitting.blueprint }
    var questions: [ExamQuestion] { sitting.questions }
    var answers: [Int: [QuizField: String]] { sitting.answers }
    var startTime: Int64? { sitting.startTime }
    var isResumed: Bool { sitting.isResumed }
    var isFinished: Bool { sitting.isFinished }
    var hasBegun: Bool { sitting.hasBegun }
    var currentQuestion: ExamQuestion? { sitting.currentQuestion }
    func elapsed() -> Int64 { sitting.elapsed(at: clock()) }
    func remaining() -> Int64 { sitting.remaining(at: clock()) }

    func begin() throws(ExamError) {
        if let entry = sitting.begin(at: clock()) { try log.append(entry) }
    }

    @discardableResult
    func submit(_ typed: [QuizField: String]) throws -> ExamQuestion? {
        do {
            try write(sitting.submit(typed, at: clock()))
        } catch ExamError.timeUp {
            try finish()
            throw ExamError.timeUp
        }
        return currentQuestion
    }

    func submitAtTimeUp(_ typed: [QuizField: String]) throws(ExamError) {
        try write(sitting.submitAtTimeUp(typed, at: clock()))
    }

    func finish() throws(ExamError) {
        if let entry = sitting.finish(at: clock()) { try log.append(entry) }
    }

    /// What `tcptutor exam` does on its way out: an exam never begun leaves no empty log.
    func discardIfNotBegun() {
        if !hasBegun { log.discardIfEmpty() }
    }

    private func write(_ entries: [ExamLogEntry]) throws(ExamError) {
        for entry in entries { try log.append(entry) }
    }
}

/// An exam session as the runtime drives it: the test's clock passed in before every message, and the log
/// written (a failed write sent back to the session) before the next one.
@dynamicMemberLookup
struct ExamDriver {
    private(set) var session: ExamSession
    let log: ExamLogFile
    let clock: @Sendable () -> Int64

    init(_ opened: LoggedSitting, language: Language = .en) {
        session = ExamSession(sitting: opened.sitting, language: language, now: opened.clock())
        log = opened.log
        clock = opened.clock
    }

    subscript<T>(dynamicMember keyPath: KeyPath<ExamSession, T>) -> T { session[keyPath: keyPath] }

    /// Sends the time, then `message`; carries out the effects. Returns the effects other than log writes.
    @discardableResult
    mutating func update(_ message: Message) -> [Effect] {
        carryOut(session.update(.time(clock()))) + carryOut(session.update(message))
    }

    mutating func setAnswer(_ text: String, for field: QuizField) { session.setAnswer(text, for: field) }

    /// Submits the typed fields; whether the answer was taken (and written).
    mutating func submitTyped() -> Bool {
        let before = session.answeredCount
        carryOut(session.update(.time(clock())))
        carryOut(session.submitTyped())
        return session.answeredCount > before
    }

    func discardIfNotBegun() {
        if !session.sitting.hasBegun { log.discardIfEmpty() }
    }

    @discardableResult
    private mutating func carryOut(_ effects: [Effect]) -> [Effect] {
        let storage = StorageEffects(examLog: log)
        var others: [Effect] = []
        for effect in effects {
            guard case .appendToExamLog = effect else {
                others.append(effect)
                continue
            }
            if let failure = storage.perform(effect) { others += carryOut(session.update(failure)) }
        }
        return others
    }
}
