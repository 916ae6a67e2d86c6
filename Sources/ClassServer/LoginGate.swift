import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// Who gets in (RFC 4252). `open`: every user name, with the `none` method (§5.2), for practice and follow
/// sessions where nothing is at stake; the name is checked as a student id by the session, which can tell the
/// student why it is refused (a failed `none` would only show "Permission denied"). `roster`: the ids listed,
/// with their password (§8) or key (§7).
public enum Admission: Sendable {
    case open
    case roster(Roster)
}

/// Whether a login is a student's or the instructor's, and the name it was made with: swift-nio-ssh tells the
/// name only to the authentication delegate, and the sessions need it to know whose tutor they start.
final class LoginName: Sendable {
    private let box = NIOLockedValueBox<String?>(nil)

    var value: String? { box.withLockedValue { $0 } }

    var isInstructor: Bool { value?.lowercased() == LoginGate.instructorName }

    func record(_ name: String) { box.withLockedValue { $0 = name } }
}

/// The server's decisions on logins, shared by every connection: the admission, the instructor's keys, the
/// failed-login counts, and a thread for the password hashes (slow on purpose, never on an event loop).
public final class LoginGate: Sendable {
    public static let instructorName = "instructor"

    let admission: Admission
    let instructorKeys: [NIOSSHPublicKey]
    let log: ClassLog
    let limiter: LoginLimiter
    let pool: NIOThreadPool

    public init(admission: Admission, instructorKeys: [NIOSSHPublicKey], log: ClassLog) {
        self.admission = admission
        self.instructorKeys = instructorKeys
        self.log = log
        limiter = LoginLimiter()
        pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
    }

    /// The delegate of one connection from `peer` (`address:port`).
    func delegate(peer: String, login: LoginName) -> NIOSSHServerUserAuthenticationDelegate {
        GateKeeper(gate: self, peer: peer, login: login)
    }
}

/// One connection's authentication delegate.
final class GateKeeper: NIOSSHServerUserAuthenticationDelegate, Sendable {
    let gate: LoginGate
    let peer: String
    let address: String
    let login: LoginName

    init(gate: LoginGate, peer: String, login: LoginName) {
        self.gate = gate
        self.peer = peer
        address = String(peer[..<(peer.lastIndex(of: ":") ?? peer.endIndex)])
        self.login = login
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        switch gate.admission {
        case .open: return gate.instructorKeys.isEmpty ? [] : .publicKey
        case .roster: return [.password, .publicKey]
        }
    }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        let name = request.username.lowercased()
        if name == LoginGate.instructorName {
            return instructor(request, responsePromise)
        }
        switch gate.admission {
        case .open:
            login.record(request.username)
            responsePromise.succeed(.success)
        case .roster(let roster):
            student(request, roster: roster, responsePromise)
        }
    }

    /// The instructor: a key from `--instructor-key`, nothing else.
    private func instructor(
        _ request: NIOSSHUserAuthenticationRequest, _ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        switch request.request {
        case .publicKey(let offer) where gate.instructorKeys.contains(offer.publicKey):
            login.record(LoginGate.instructorName)
            promise.succeed(.success)
        case .none:
            promise.succeed(.failure)
        default:
            let reason =
                gate.instructorKeys.isEmpty
                ? "no --instructor-key given: the instructor cannot log in" : "not a key from --instructor-key"
            failed(id: LoginGate.instructorName, method: request.request, reason: reason, counted: false)
            promise.succeed(.failure)
        }
    }

    private func student(
        _ request: NIOSSHUserAuthenticationRequest, roster: Roster,
        _ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        if case .none = request.request {
            // Every client asks with `none` first, to learn the methods (RFC 4252 §5.2): no failure to count.
            return promise.succeed(.failure)
        }
        let id = request.username.lowercased()
        if let wait = gate.limiter.blocked(id: id, address: address) {
            let (seconds, _) = wait.components
            gate.log.record(
                "login-throttled",
                [("user", request.username), ("from", peer), ("seconds", "\(seconds + 1)")], level: .warning)
            return promise.succeed(.failure)
        }
        let entry = (try? StudentID(userName: request.username)).flatMap { roster.entries[$0] }
        switch request.request {
        case .password(let offer):
            let gate = self.gate
            let loop = promise.futureResult.eventLoop
            gate.pool.runIfActive(eventLoop: loop) {
                // An unknown id costs as long as a known one, so that timing does not tell which ids exist.
                let hashes = entry?.passwords ?? [PasswordHash.decoy]
                return hashes.contains { $0.matches(offer.password) } && entry != nil
            }.whenComplete { result in
                if case .success(true) = result {
                    self.login.record(request.username)
                    promise.succeed(.success)
                } else {
                    self.failed(
                        id: id, method: request.request,
                        reason: entry == nil ? "not on the roster" : "wrong password", counted: true)
                    promise.succeed(.failure)
                }
            }
        case .publicKey(let offer):
            if let entry, entry.keys.contains(offer.publicKey) {
                login.record(request.username)
                promise.succeed(.success)
            } else {
                // A client offers each of its keys in turn: one that is not listed is not yet a failed login,
                // unless the id is unknown.
                failed(
                    id: id, method: request.request,
                    reason: entry == nil ? "not on the roster" : "key not on the roster",
                    counted: entry == nil)
                promise.succeed(.failure)
            }
        default:
            promise.succeed(.failure)
        }
    }

    private func failed(id: String, method: NIOSSHUserAuthenticationRequest.Request, reason: String, counted: Bool) {
        if counted { gate.limiter.failed(id: id, address: address) }
        let kind =
            switch method {
            case .password: "password"
            case .publicKey: "publickey"
            case .hostBased: "hostbased"
            case .none: "none"
            }
        gate.log.record(
            "login-failed", [("user", id), ("from", peer), ("method", kind), ("reason", reason)], level: .warning)
    }
}
