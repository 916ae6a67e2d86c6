import TCPCore
import TimelineKit

/// Where the capture was taken. A capture shows a segment leave its sender whether or not it arrives, so a
/// segment nobody answers is known to have arrived only when its receiver sits at the capture point: there the
/// capture shows it reach the receiver's stack.
extension ConnectionInference {
    /// Answers slower than this are not "at once": the receiver is not on the same machine as the capture.
    static let sameMachineAnswer: Int64 = 2_000_000

    /// The hosts at the capture point, told by how long each takes to answer. A host beside the capture point
    /// answers as soon as its stack has the segment; the capture sees the other's answers only after a round
    /// trip. A host is at the capture point when its quickest answer is at most a quarter of the other's, or
    /// when both answer within 2 ms (one machine, as on loopback). Without answers both ways, or without times:
    /// neither.
    static func hostsAtCapturePoint(_ packets: [CapturedSegment], senders: [HostID], nextFromPeer: [Int?])
        -> Set<HostID>
    {
        // Text without times (every packet at one moment) says nothing about where it was taken.
        guard let first = packets.first, packets.contains(where: { $0.time != first.time }) else { return [] }
        var quickest = PerHost<Int64?>(repeating: nil)
        for index in packets.indices where packets[index].segment.sequenceLength > 0 {
            guard let answer = nextFromPeer[index], let ack = packets[answer].segment.ack,
                !ack.precedes(packets[index].segment.nextSeq)
            else { continue }
            // Karn's rule (RFC 6298 §3): an answer after a copy was sent again may answer the copy.
            let sender = senders[index]
            let seq = packets[index].segment.seq
            let resent = packets[(index + 1)..<answer].indices.contains {
                senders[$0] == sender && packets[$0].segment.seq == seq && packets[$0].segment.sequenceLength > 0
            }
            let delay = packets[answer].time.nanoseconds &- packets[index].time.nanoseconds
            // Times that run backwards (a damaged or merged file) say nothing either.
            guard !resent, delay >= 0 else { continue }
            let receiver = sender.peer
            quickest[receiver] = min(quickest[receiver] ?? delay, delay)
        }
        guard let a = quickest[.a], let b = quickest[.b] else { return [] }
        if a <= sameMachineAnswer, b <= sameMachineAnswer { return [.a, .b] }
        if a <= b / 4 { return [.a] }
        if b <= a / 4 { return [.b] }
        return []
    }
}
