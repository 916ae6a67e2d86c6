import ClassLink
import TimelineKit
import TutorSession
import TutorStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a tutor started by the class server finds its link: the server passes one end of a socketpair as an
/// open descriptor and names it in `TCPTUTOR_CLASS_LINK` (`TCPTUTOR_CLASS_LINK=3`); an absolute path instead
/// names a Unix socket the server listens on (`ClassLinkSocketPath`). Without the variable the tutor is on its
/// own and writes its files as usual.
public struct ClassLinkStart {
    public static let variable = "TCPTUTOR_CLASS_LINK"

    public let link: ClassLinkConnection
    public let hello: Hello

    /// The link named in `environment`, and the server's hello read from it; nil when the variable is unset.
    /// A value that is not an open descriptor, or a server that sends no hello in time, is a clear error.
    public static func connect(
        environment: [String: String], timeoutMilliseconds: Int = 5_000
    ) throws(ClassLinkError) -> ClassLinkStart? {
        guard let value = environment[variable] else { return nil }
        let descriptor: Int32
        if value.hasPrefix("/") {
            descriptor = try ClassLinkSocketPath.connect(value)
        } else {
            guard let number = Int32(value), number >= 0 else {
                throw .system(
                    call: variable, reason: "'\(value)' is neither a file descriptor number nor a socket's path")
            }
            guard fcntl(number, F_GETFD) >= 0 else {
                throw .system(call: variable, reason: "descriptor \(number) is not open")
            }
            descriptor = number
        }
        let link = ClassLinkConnection(descriptor: descriptor)
        guard let first = try link.receive(timeoutMilliseconds: timeoutMilliseconds) else {
            throw .timedOut(peer: link.peer, milliseconds: timeoutMilliseconds)
        }
        guard case .hello(let hello) = first else {
            throw .frame(FrameError("the class server's first message is not hello"))
        }
        return ClassLinkStart(link: link, hello: hello)
    }

    /// The language the student's SSH session asked for (`LANG`), when it is one the tutor speaks.
    public var language: Language? { Language(rawValue: hello.language) }

    /// The student's progress book from the hello: the same result `ProgressStore.load` gives for a file.
    public var progress: ProgressStore.LoadResult {
        guard !hello.book.isEmpty else { return .empty }
        switch ProgressBookFormat.decode(hello.book) {
        case .success(let book): return .loaded(book)
        case .failure(let unreadable): return .unreadable(keptAt: "the class server", reason: unreadable.reason)
        }
    }

    /// The records of the exam under way, for `ExamSitting(records:)`, as a log file's records would be: its
    /// start and the answers the server kept. Empty when no exam has begun.
    public func examRecords(parameters: ExamParameters, fingerprint: String) -> [ExamLogRecord] {
        guard let exam = hello.exam else { return [] }
        return ExamLogCodec.Contents.kept(
            student: hello.student,
            start: ExamLogRecord.Start(version: 1, parameters: parameters, fingerprint: fingerprint),
            startedAt: exam.clock.startedAt,
            answers: exam.answers.map { answer in
                (
                    exam.clock.startedAt,
                    ExamLogRecord.Answer(
                        question: Int(answer.question), point: answer.point, fieldNames: answer.fields,
                        timeUp: answer.timeUp)
                )
            },
            finishedAt: exam.finished ? exam.clock.serverNow : nil
        ).records
    }
}
