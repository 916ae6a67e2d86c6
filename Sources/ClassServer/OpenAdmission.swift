import NIOConcurrencyHelpers
import NIOCore
import NIOSSH

/// The user name a connection logged in with, kept for its session channels: swift-nio-ssh tells the name
/// only to the authentication delegate, and the sessions need it to know whose tutor they start.
final class LoginName: Sendable {
    private let box = NIOLockedValueBox<String?>(nil)

    var value: String? { box.withLockedValue { $0 } }

    func record(_ name: String) { box.withLockedValue { $0 = name } }
}

/// `--open`: every user name gets in with the `none` method (RFC 4252 §5.2), for practice and follow sessions
/// where nothing is at stake. The name is checked as a student id by the session, which can tell the student
/// why it is refused (a failed `none` would only show "Permission denied").
final class OpenAdmission: NIOSSHServerUserAuthenticationDelegate {
    let login: LoginName

    init(login: LoginName) { self.login = login }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { [] }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        login.record(request.username)
        responsePromise.succeed(.success)
    }
}
