import CaptureKit
import TCPCore
import TimelineKit

/// The engine settings a lesson's header asks for, read from what the capture shows its hosts doing: the
/// retransmission timeout and keep-alive times it measured, and which hosts hold their ACKs back.
struct LessonSettings: Hashable {
    /// The ISNs the header declares.
    var isn: PerHost<SequenceNumber>
    /// The first retransmission timeout (RFC 6298), when the engine's timer resends a segment the capture shows
    /// sent again after another interval than the default's.
    var retransmissionTimeout: UInt64?
    /// Set once a plan with the measured timeout has failed: the default is kept.
    var keepsDefaultTimeout = false
    /// Why `retransmissionTimeout` has the value it has, for the header's comment.
    var retransmissionNote: String?
    var keepAlive: [HostID: KeepAlive] = [:]
    /// Hosts whose ACKs wait for data or a FIN to ride on (RFC 9293 §3.8.6.3): the capture shows an
    /// acknowledgment carried by their next segment where the engine would have sent it alone.
    var delayedAck: Set<HostID> = []

    /// Linux holds an ACK back at least 40 ms (`TCP_DELACK_MIN`); the engine's delayed ACK waits as long.
    static let delayedAckTime: UInt64 = 40
    /// Linux's defaults: 9 unanswered probes end a connection (`tcp_keepalive_probes`).
    static let keepAliveProbes = 9

    var configuration: PerHost<EndpointConfiguration> {
        PerHost { host in
            var configuration = EndpointConfiguration()
            if let timeout = retransmissionTimeout { configuration.retransmissionTimeout = timeout }
            configuration.keepAlive = keepAlive[host]
            if delayedAck.contains(host) { configuration.delayedAck = Self.delayedAckTime }
            return configuration
        }
    }

    init(replay: CaptureReplay) {
        let start = replay.timeline.frames[0]
        isn = PerHost { host in start.host(host).tcb?.iss ?? replay.knownISN[host] ?? replay.timeline.isn[host] }
        measureKeepAlive(replay)
    }

    /// Each host's keep-alive idle time: from the last segment it received to its first probe.
    mutating func measureKeepAlive(_ replay: CaptureReplay) {
        let steps = replay.steps
        for host in HostID.allCases {
            let probes = steps.indices.filter { steps[$0].from == host && steps[$0].has(.keepAlive) }
            guard let first = probes.first,
                let heard = steps[..<first].lastIndex(where: { $0.from == host.peer })
            else { continue }
            let idle = max(1, Self.milliseconds(from: steps[heard].time, to: steps[first].time))
            // Two probes with no answer between them show the interval; otherwise each answer restarts the idle time.
            var interval = idle
            for (earlier, later) in zip(probes, probes.dropFirst())
            where !steps[earlier..<later].contains(where: { $0.from == host.peer }) {
                interval = max(1, Self.milliseconds(from: steps[earlier].time, to: steps[later].time))
                break
            }
            keepAlive[host] = KeepAlive(idle: idle, interval: interval, probes: Self.keepAliveProbes)
        }
    }

    static func milliseconds(from start: CaptureTime, to end: CaptureTime) -> UInt64 {
        let nanoseconds = end.nanoseconds &- start.nanoseconds
        return nanoseconds <= 0 ? 0 : UInt64((nanoseconds + 500_000) / 1_000_000)
    }
}
