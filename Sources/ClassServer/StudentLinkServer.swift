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
/// when the tutor says bye or goes.
final class StudentLinkServer: @unchecked Sendable {
    /// The end the tutor gets, as its descriptor 3; the server closes its copy once the tutor has started.
    let tutorEnd: Int32
    private let serverEnd: Int32
    /// Whether a thread serves the link (and closes it when done); otherwise it is closed with this object.
    private var served = false

    init() throws(TutorProcess.Failure) {
        var ends: [Int32] = [-1, -1]
        #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { throw TutorProcess.Failure("cannot make the class link") }
        tutorEnd = ends[0]
        serverEnd = ends[1]
    }

    deinit {
        if !served { close(serverEnd) }
    }

    /// The tutor has its end now, or will never have it.
    func closeTutorEnd() { close(tutorEnd) }

    /// Serves the link until the tutor is done with it, then closes it.
    func serve(store: any ClassStore, hello: Hello, exam: StudentLinkRequests.Exam?, log: ClassLog) {
        let serverEnd = serverEnd
        served = true
        let thread = Thread {
            defer { close(serverEnd) }
            let link = ClassLinkConnection(descriptor: serverEnd, peer: "\(hello.student)'s tutor")
            var requests = StudentLinkRequests(store: store, student: hello.student, exam: exam)
            do {
                var hello = hello
                hello.exam = try requests.examAtLogin(now: Self.now())
                try link.send(.hello(hello))
                while let message = try link.receive(timeoutMilliseconds: 24 * 3_600_000) {
                    if case .bye = message { return }
                    if let reply = requests.reply(to: message, now: Self.now()) { try link.send(reply) }
                }
            } catch {
                log.record("link-ended", [("student", hello.student), ("reason", "\(error)")], level: .warning)
            }
        }
        thread.start()
    }

    /// The server's clock: every answer is stamped with it, never with the tutor's.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
