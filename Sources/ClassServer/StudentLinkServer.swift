import ClassLink
import ClassStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's side of one student's class link: a socketpair whose other end the tutor inherits as descriptor 3
/// (`TCPTUTOR_CLASS_LINK=3`), served on a thread of its own because the store's writes block (they wait for the disk,
/// as an answer must). The thread sends the hello, answers each request once the store has committed it, and ends
/// when the tutor says bye or goes. In a follow class it also hands the tutor's messages to the class's relay and
/// sends what the relay delivers to this link; every message to the tutor goes through one `LinkWriter`, so the
/// replies and the class's steps never interleave.
final class StudentLinkServer: @unchecked Sendable {
    /// The end the tutor gets, as its descriptor 3; the server closes its copy once the tutor has started.
    let tutorEnd: Int32
    private let serverEnd: Int32
    /// A duplicate of the server's end for the writer, close-on-exec as the others (no other tutor inherits it).
    private let writerEnd: Int32
    /// Whether a thread serves the link (and closes it when done); otherwise it is closed with this object.
    private var served = false

    init() throws(TutorProcess.Failure) {
        let ends: (tutor: Int32, server: Int32)
        do {
            ends = try SocketPair.make()
        } catch {
            // errno is still socketpair's: the failure names it.
            throw TutorProcess.Failure("cannot make the class link")
        }
        let writerEnd = fcntl(ends.server, F_DUPFD_CLOEXEC, 0)
        guard writerEnd >= 0 else {
            let failure = TutorProcess.Failure("cannot make the class link")
            close(ends.tutor)
            close(ends.server)
            throw failure
        }
        tutorEnd = ends.tutor
        serverEnd = ends.server
        self.writerEnd = writerEnd
    }

    deinit {
        if !served {
            close(serverEnd)
            close(writerEnd)
        }
    }

    /// The tutor has its end now, or will never have it.
    func closeTutorEnd() { close(tutorEnd) }

    /// Serves the link until the tutor is done with it, then closes it. With `seat`, the session is in a follow
    /// class: it joins the class's relay once its hello is queued, and leaves it when the link ends or turns out
    /// dead.
    func serve(
        store: any ClassStore, hello: Hello, exam: StudentLinkRequests.Exam?, seat: FollowSeat? = nil, log: ClassLog
    ) {
        let serverEnd = serverEnd
        let writer = LinkWriter(descriptor: writerEnd, peer: "\(hello.student)'s tutor")
        served = true
        // The writer drops this closure once called or closed, which ends the reference it holds to itself.
        writer.onGone { [writer] reason in
            log.record("link-dead", [("student", hello.student), ("reason", reason)], level: .warning)
            if let seat { seat.follow.leave(seat.role, writer: writer) }
        }
        let thread = Thread {
            // The connection closes the server's end when it goes; the writer closes its own.
            let link = ClassLinkConnection(descriptor: serverEnd, peer: "\(hello.student)'s tutor")
            // The store's students and event log: who came, in which mode, and when they left (the instructor's
            // leading tutor is no student).
            let student = hello.mode == .lead ? nil : hello.student
            defer {
                if let seat { seat.follow.leave(seat.role, writer: writer) }
                writer.close()
                Self.keep("record an exit", student: hello.student, log) { () throws(ClassStoreError) in
                    if let student { try store.recordExit(student: student, at: Self.now(), detail: "\(hello.mode)") }
                }
            }
            var requests = StudentLinkRequests(store: store, student: hello.student, exam: exam)
            do {
                var hello = hello
                hello.exam = try requests.examAtLogin(now: Self.now())
                writer.send(.hello(hello))
                if let seat { seat.follow.join(seat.role, writer: writer) }
                // Recorded once the hello is on its way, so that the write does not hold up the first frame.
                Self.keep("record a login", student: hello.student, log) { () throws(ClassStoreError) in
                    if let student { try store.recordLogin(student: student, at: Self.now(), detail: "\(hello.mode)") }
                }
                while let message = try link.receive(timeoutMilliseconds: 24 * 3_600_000) {
                    if case .bye = message { return }
                    if let reply = requests.reply(to: message, now: Self.now()) {
                        Self.logAnswer(message, reply, student: hello.student, log: log)
                        writer.send(reply)
                    }
                    if let seat {
                        Self.keepClassAnswer(message, seat: seat, hello: hello, store: store, log: log)
                        seat.follow.received(message, from: seat.role)
                    }
                }
            } catch ClassLinkError.gone(_, reason: "the link closed") where hello.mode == .selfPaced {
                // A self-paced tutor that ends closes its link between two messages: every save it made was
                // answered, and the session's `exit` says how the tutor ended.
            } catch {
                log.record("link-ended", [("student", hello.student), ("reason", "\(error)")], level: .warning)
            }
        }
        thread.start()
    }

    /// The log's line for an exam answer, once the store has answered it: committed, or refused and why.
    static func logAnswer(_ message: ClassMessage, _ reply: ClassMessage, student: String, log: ClassLog) {
        guard case .examAnswer(_, let answer) = message else { return }
        var fields = [("student", student), ("question", "\(answer.question)")]
        switch reply {
        case .committed: fields.append(("outcome", "committed"))
        case .refused(_, let reason): fields += [("outcome", "refused"), ("reason", reason)]
        default: return
        }
        log.record("answer", fields)
    }

    /// A follower's answer is kept in the store before the class's count hears of it, so that the class's answers
    /// outlive the server; a store that fails is logged, and the live class goes on without it.
    static func keepClassAnswer(
        _ message: ClassMessage, seat: FollowSeat, hello: Hello, store: any ClassStore, log: ClassLog
    ) {
        guard case .follower = seat.role, case .classAnswer(let position, let fields) = message else { return }
        keep("keep a class answer", student: hello.student, log) { () throws(ClassStoreError) in
            try store.recordFollowAnswer(
                student: hello.student, lesson: hello.lesson, position: position, fields: fields, at: now())
            log.record("class-answer", [("student", hello.student), ("step", "\(position)")])
        }
    }

    /// Carries out a store write the session does not wait on; one that fails is logged, and the session goes on.
    static func keep(
        _ doing: String, student: String, _ log: ClassLog, _ write: () throws(ClassStoreError) -> Void
    ) {
        do { try write() } catch {
            log.record(
                "store-failed", [("student", student), ("doing", doing), ("reason", "\(error)")], level: .warning)
        }
    }

    /// The server's clock: every answer is stamped with it, never with the tutor's.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
