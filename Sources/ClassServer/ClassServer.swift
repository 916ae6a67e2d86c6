import NIOCore
import NIOPosix
import NIOSSH

/// `tcptutor class serve`: an SSH server (RFC 4253, through swift-nio-ssh) whose every session is a student's
/// tutor, so that a class needs nothing but `ssh` on the students' side.
public final class ClassServer: Sendable {
    /// Who gets in. Only `open` for now: any user name that is a valid student id, with no password.
    public enum Admission: Sendable {
        case open

        /// The authentication delegate of one connection, which records the name it admits in `login`.
        func delegate(recording login: LoginName) -> NIOSSHServerUserAuthenticationDelegate {
            switch self {
            case .open: return OpenAdmission(login: login)
            }
        }
    }

    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel

    /// The port listened on (the one the system chose when 0 was asked).
    public var port: Int { listener.localAddress?.port ?? 0 }

    /// Binds `host` and `port` and starts accepting students, admitted as `admission` says, each running the
    /// tutor as `launch` says; throws what the system said when the port cannot be had.
    public init(
        host: String, port: Int, admission: Admission, launch: TutorLaunch, hostKey: HostKey, log: ClassLog
    ) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let key = hostKey.sshKey
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { connection in
                let login = LoginName()
                let peer = connection.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
                let ssh = NIOSSHHandler(
                    role: .server(
                        .init(hostKeys: [key], userAuthDelegate: admission.delegate(recording: login))),
                    allocator: connection.allocator,
                    inboundChildChannelInitializer: { channel, type in
                        guard case .session = type else {
                            log.record("refused-channel", [("from", peer), ("type", "\(type)")])
                            return channel.eventLoop.makeFailedFuture(UnsupportedChannel())
                        }
                        return channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                StudentSessionHandler(
                                    userName: login.value ?? "", peer: peer, launch: launch, log: log))
                        }
                    })
                return connection.eventLoop.makeCompletedFuture {
                    try connection.pipeline.syncOperations.addHandlers([
                        ssh, ConnectionErrorHandler(peer: peer, log: log),
                    ])
                }
            }
        do {
            listener = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        self.group = group
    }

    /// Serves until the listening socket closes.
    public func wait() throws {
        try listener.closeFuture.wait()
        try group.syncShutdownGracefully()
    }
}

struct UnsupportedChannel: Error {}

/// Anything wrong on one connection (garbage instead of SSH, a broken key exchange) closes that connection and
/// is logged; the server and the other students go on.
final class ConnectionErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    let peer: String
    let log: ClassLog

    init(peer: String, log: ClassLog) {
        self.peer = peer
        self.log = log
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        log.record("connection-error", [("from", peer), ("error", "\(error)")])
        context.close(promise: nil)
    }
}
