import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// `tcptutor class serve`: an SSH server (RFC 4253, through swift-nio-ssh) whose every session is a student's
/// tutor, so that a class needs nothing but `ssh`, or the instructor's view of who is connected.
public final class ClassServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    private let room: ClassRoom
    private let log: ClassLog
    /// Set once the class has ended (every session gone): `wait` returns then.
    private let ended: EventLoopPromise<Void>
    private let ending = NIOLockedValueBox(false)

    /// The port listened on (the one the system chose when 0 was asked).
    public var port: Int { listener.localAddress?.port ?? 0 }

    /// Binds `host` and `port` and starts accepting students, let in by `gate`, seated in `room`, each running
    /// the tutor as `launch` says; throws what the system said when the port cannot be had.
    public init(
        host: String, port: Int, gate: LoginGate, room: ClassRoom, launch: TutorLaunch, hostKey: HostKey,
        log: ClassLog
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
                    role: .server(.init(hostKeys: [key], userAuthDelegate: gate.delegate(peer: peer, login: login))),
                    allocator: connection.allocator,
                    inboundChildChannelInitializer: { channel, type in
                        guard case .session = type else {
                            log.record("refused-channel", [("from", peer), ("type", "\(type)")], level: .warning)
                            return channel.eventLoop.makeFailedFuture(UnsupportedChannel())
                        }
                        return channel.eventLoop.makeCompletedFuture {
                            // In a follow class the instructor's session is a tutor too, the one that leads.
                            let handler: ChannelHandler =
                                login.isInstructor && launch.follow == nil
                                ? InstructorSessionHandler(peer: peer, room: room, log: log, exam: launch.exam?.watch)
                                : StudentSessionHandler(
                                    userName: login.value ?? "", peer: peer, launch: launch, room: room, log: log,
                                    instructor: login.isInstructor)
                            try channel.pipeline.syncOperations.addHandler(handler)
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
        self.room = room
        self.log = log
        ended = group.next().makePromise()
    }

    /// Serves until the class has ended (`drain`), then lets the event loops go.
    public func wait() throws {
        try ended.futureResult.wait()
        try group.syncShutdownGracefully()
    }

    /// Ends the class (SIGTERM): no new connection; every student's tutor is asked to end as a closed terminal
    /// asks (it saves first), each student is told the class is ending and their work is saved; a tutor still
    /// running after `limit` is stopped. Returns at once; `wait` returns when it is done.
    public func drain(within limit: Duration) {
        let first = ending.withLockedValue { ending in
            defer { ending = true }
            return !ending
        }
        guard first else { return }
        let students = room.students.count
        log.record("class-ending", [("students", "\(students)"), ("seconds", "\(limit.components.seconds)")])
        listener.close(promise: nil)
        let room = self.room
        let log = self.log
        let ended = self.ended
        DispatchQueue.global().async {
            room.endClass(within: limit)
            log.record("class-ended", [("students", "\(students)")])
            ended.succeed()
        }
    }
}

struct UnsupportedChannel: Error {}

/// Anything wrong on one connection (garbage instead of SSH, a broken key exchange, a channel type swift-nio-ssh
/// cannot read) closes that connection and is logged; the server and the other students go on.
final class ConnectionErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    let peer: String
    let log: ClassLog

    init(peer: String, log: ClassLog) {
        self.peer = peer
        self.log = log
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        log.record("connection-error", [("from", peer), ("error", "\(error)")], level: .warning)
        context.close(promise: nil)
    }
}
