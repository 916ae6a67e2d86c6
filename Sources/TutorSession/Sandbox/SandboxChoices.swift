import TCPCore
import TimelineKit

/// What can be done now, read from the engine: the segments in flight each way, the calls each host's state
/// allows (every call tried on a copy, so a refused one is left out), and when the next timer fires.
public struct SandboxChoices: Hashable, Sendable {
    /// The calls a step can make, in the lesson language's words, in the order a connection uses them.
    public static let callWords: [(word: String, call: UserCall)] = [
        ("listen", .listen), ("connect", .connect), ("send", .send(1)), ("read", .read(nil)),
        ("shutdown", .shutdown), ("close", .close), ("abort", .abort),
    ]

    /// Segments in flight from each host to the other.
    public var inFlight: PerHost<Int>
    /// The calls each host's state allows now.
    public var calls: PerHost<[String]>
    /// Milliseconds until the next timer fires (retransmission, TIME_WAIT, delayed ACK, …), if one runs.
    public var nextTimer: UInt64?

    public init(_ simulation: Simulation) {
        inFlight = PerHost { host in simulation.wire.count { $0.from == host } }
        calls = PerHost { host in
            Self.callWords.compactMap { word, call in
                SandboxRefusal.check(call, on: host, in: simulation) == nil ? word : nil
            }
        }
        nextTimer = HostID.allCases.compactMap { simulation[$0].nextDeadline }.min().map {
            $0 > simulation.now ? $0 - simulation.now : 0
        }
    }
}
