import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The class server's follow mode as the test plays it, in a thread of its own: one `FollowRelay`, the
/// instructor's link and each follower's, all read with one `poll`; every delivery the relay returns is sent;
/// progress saves are acknowledged. `end` sends `classEnding` to everyone and waits for them to leave.
final class FollowClassServer: @unchecked Sendable {
    enum Role: Hashable {
        case instructor
        case follower(FollowRelay.Follower)
    }

    let lesson: String
    private let lock = NSLock()
    private var joining: [(descriptor: Int32, role: Role)] = []
    private var ending: String?
    /// Every message a tutor sent, with who sent it, for the test to read after `end`.
    private var received: [(Role, ClassMessage)] = []
    private var thread: TestThread<FollowRelay>?

    init(lesson: String) {
        self.lesson = lesson
    }

    func start() {
        thread = TestThread { [self] in serve() }
    }

    /// A tutor's end of a link: the server says hello with its role and hands it to the relay.
    func add(_ descriptor: Int32, as role: Role) {
        lock.withLock { joining.append((descriptor, role)) }
    }

    /// Ends the class; returns the relay as it was when everyone had left.
    func end(reason: String) -> FollowRelay {
        lock.withLock { ending = reason }
        return thread!.join()
    }

    func messages() -> [(Role, ClassMessage)] { lock.withLock { received } }

    private func serve() -> FollowRelay {
        var relay = FollowRelay(lessonID: lesson)
        var links: [Role: ClassLinkConnection] = [:]
        var endSent = false
        var deadline: ContinuousClock.Instant?
        func send(_ deliveries: [FollowRelay.Delivery]) {
            for delivery in deliveries {
                for recipient in delivery.recipients {
                    let role: Role
                    switch recipient {
                    case .instructor: role = .instructor
                    case .follower(let follower): role = .follower(follower)
                    }
                    try? links[role]?.send(delivery.message)
                }
            }
        }
        func drop(_ role: Role) {
            links[role] = nil
            switch role {
            case .instructor: relay.instructorLeft()
            case .follower(let follower): send(relay.leave(follower))
            }
        }
        while true {
            let (newcomers, reason) = lock.withLock {
                defer { joining.removeAll() }
                return (joining, ending)
            }
            for (descriptor, role) in newcomers {
                let link = ClassLinkConnection(descriptor: descriptor, peer: "the tutor")
                links[role] = link
                switch role {
                case .instructor:
                    try? link.send(.hello(Hello(student: "instructor", mode: .lead, language: "en", lesson: lesson)))
                    send(relay.instructorJoined())
                case .follower(let follower):
                    try? link.send(.hello(Hello(student: follower.student, mode: .follow, language: "en")))
                    send(relay.join(follower))
                }
            }
            if let reason, !endSent {
                endSent = true
                deadline = .now + .seconds(20)
                for link in links.values { try? link.send(.classEnding(reason: reason)) }
            }
            if endSent, links.isEmpty || ContinuousClock.now > deadline! { return relay }
            let roles = Array(links.keys)
            var descriptors = roles.map { pollfd(fd: links[$0]!.descriptor, events: Int16(POLLIN), revents: 0) }
            _ = poll(&descriptors, nfds_t(descriptors.count), 20)
            for (role, descriptor) in zip(roles, descriptors) where descriptor.revents != 0 {
                guard let link = links[role] else { continue }
                do {
                    while let message = try link.receive(timeoutMilliseconds: 0) {
                        lock.withLock { received.append((role, message)) }
                        if case .saveProgress(let request, _) = message { try? link.send(.saved(request: request)) }
                        if case .bye = message { throw ClassLinkError.gone(peer: "the tutor", reason: "bye") }
                        switch role {
                        case .instructor: send(relay.fromInstructor(message))
                        case .follower(let follower): send(relay.fromFollower(follower, message))
                        }
                    }
                } catch {
                    drop(role)
                }
            }
        }
    }
}

extension LinkedTutor {
    /// What the tutor has printed so far.
    func printed() -> String {
        (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// Waits until the output holds `text` `times` times (20 s at most); returns the output.
    @discardableResult
    func waitFor(_ text: String, times: Int = 1) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let now = printed()
            if now.components(separatedBy: text).count - 1 >= times { return now }
            usleep(20_000)
        }
        throw TutorProgramError("the tutor did not print '\(text)' \(times) times; it printed:\n\(printed())")
    }
}
